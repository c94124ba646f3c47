import ArxiveKit
import PropertyBased
import Testing

@Suite("Names: TeX decoding, match keys, matching")
struct NamesTests {
    @Test(
        "TeX accents and letters decode to NFC Unicode",
        arguments: [
            ("R{\\o}d", "Rød"), ("B\\'ethune", "Béthune"), ("J\\\"urgen", "Jürgen"), ("Micha{\\l}", "Michał"),
            ("O\\u{g}uzhan", "Oğuzhan"), ("Fan\\`i", "Fanì"), ("\\'Alvaro", "Álvaro"), ("Pe\\~na", "Peña"),
            ("Fran\\c{c}ois", "François"), ("Dvo\\v{r}\\'ak", "Dvořák"), ("Erd\\H{o}s", "Erdős"), ("\\k{a}", "ą"),
            ("{\\AA}berg", "Åberg"), ("Stra{\\ss}e", "Straße"), ("\\'{\\i}", "í"), ("\\'\\i", "í"), ("{\\L}ukasik", "Łukasik"),
            ("Bj\\o rn", "Bjørn"), ("{{\\\"{u}}}ber", "über"), ("\\d{s}", "ṣ"), ("\\=a", "ā"), ("\\.Z", "Ż"), ("\\r{u}", "ů"),
            ("\\ae{}sir", "æsir"), ("{\\TH}or", "Þor"), ("Jos\\'e M. F. Moura", "José M. F. Moura"),
            // Stacked accents (Vietnamese): the outer accent goes on top of the inner one.
            ("Nguy\\~{\\^e}n", "Nguy\u{1EC5}n"), ("Nguy{\\~{\\^e}}n", "Nguy\u{1EC5}n"), ("Tr\\`{\\^a}n", "Tr\u{1EA7}n"),
            ("\\'{\\^o}", "\u{1ED1}"), ("\\d{\\^o}", "\u{1ED9}"), ("\\~{\\u{a}}", "\u{1EB5}"),
        ])
    func decodes(tex: String, expected: String) {
        #expect(TeXDecoder.decode(tex) == expected)
    }

    @Test("Unknown commands and unbalanced braces are kept, never crash")
    func tolerant() {
        #expect(TeXDecoder.decode("\\foo Bar") == "\\foo Bar")
        #expect(TeXDecoder.decode("A}b{c") == "Abc")
        #expect(TeXDecoder.decode("trailing \\") == "trailing \\")
        #expect(TeXDecoder.decode("\\'") == "\u{0301}")
        #expect(TeXDecoder.decode("a~b") == "a b")
    }

    @Test("Random names of TeX, braces, marks and any Unicode decode, key, match and encode back without a crash")
    func randomNames() async {
        let alphabet: [Character] = Array("aZ ł{}\\'\"`^~=.ucvHkdrbtlLoOiIjaeAEssSTH-,;()@0ø中😀\u{0301}\u{0327}\u{200B}\t")
        let name = Gen.element(of: alphabet).map { $0 ?? " " }.string(of: 0...24)
        await propertyCheck(count: 2_000, input: name, name) { a, b in
            let person = PersonName(source: a)
            #expect(!person.key.contains("  ") && person.key == person.key.lowercased())
            _ = NameMatcher.match(query: a, candidate: b)
            #expect(
                NameMatcher.match(query: person.display, candidate: person.display) != nil || person.key.isEmpty,
                "a name matches itself: \(person.display.debugDescription)")
            // A decoded name free of TeX's own characters (an unknown command
            // stays as written) is what a user types: it keys as the import
            // keyed it, and what arxive writes in TeX (BibTeX) reads back as it.
            if !person.display.unicodeScalars.contains(where: { "\\{}~".unicodeScalars.contains($0) }) {
                #expect(PersonName.key(for: person.display) == person.key, "\(a.debugDescription)")
                #expect(TeXDecoder.decode(TeXEncoder.encode(person.display)) == person.display, "\(a.debugDescription)")
            }
        }
    }

    @Test("Keys fold TeX, diacritics, ø and ł, case, punctuation")
    func keys() {
        #expect(PersonName.key(for: "Marcel R{\\o}d") == "marcel rod")
        #expect(PersonName.key(for: "Marcel Rød") == "marcel rod")
        #expect(PersonName.key(for: "MICHAŁ Łukasik") == "michal lukasik")
        #expect(PersonName.key(for: "J.-I. Park") == "j i park")
        #expect(PersonName.key(for: "  Anne-Marie   O'Neil ") == "anne marie o neil")
        #expect(PersonName(source: "Ingrid Sk{\\o}ld").display == "Ingrid Skøld")
        // An import keys the decoded name; a query keys what the user typed: the same key.
        for source in ["Ingrid Sk{\\o}ld", "J{\\'e}r{\\^o}me M{\\\"u}ller-{\\L}ukasz", "Ana Mar\\'{\\i}a Nu{\\~n}ez", "Yoshua Bengio"] {
            #expect(PersonName(source: source).key == PersonName.key(for: source), "\(source)")
        }
        #expect(PersonName(source: "Ana Mar\\'{\\i}a Nu{\\~n}ez").key == "ana maria nunez")
    }

    @Test(
        "Initials and forenames: compatible; other forenames: surname only",
        arguments: [
            ("y bengio", "yoshua bengio", NameMatchLevel.compatible),
            ("yoshua bengio", "y bengio", .compatible),
            ("yoshua bengio", "yoshua bengio", .exact),
            ("yoshua bengio", "yoshua j bengio", .compatible),
            ("y j bengio", "yoshua j bengio", .compatible),
            ("samy bengio", "yoshua bengio", .surname),
            ("emmanuel bengio", "yoshua bengio", .surname),
            ("bengio", "yoshua bengio", .surname),
            ("y bengio", "samy bengio", .surname),
        ])
    func matching(query: String, candidate: String, level: NameMatchLevel) {
        #expect(NameMatcher.match(query: query, candidate: candidate) == level)
    }

    @Test("Different surnames never match")
    func surnames() {
        #expect(NameMatcher.match(query: "yoshua bengio", candidate: "yoshua bengioo") == nil)
        #expect(NameMatcher.match(query: "", candidate: "a b") == nil)
    }
}
