import Foundation
import Testing

@testable import ArxiveKit

/// The loss guard: what a file's bytes name, and what it decides against what a reader read.
@Suite("Loss guard")
struct LossGuardTests {
    func named(_ text: String) -> [String] { LossGuard.namedPapers(in: Data(text.utf8)) }

    @Test("Papers are named by links, labels, id fields, JSON keys and headings, in every spelling the families use")
    func namesPapers() {
        #expect(named("## 1. [A title](https://arxiv.org/abs/2606.01001) <a id=\"link0\"></a>") == ["2606.01001"])
        #expect(named("**ArXiv ID:** 2606.01002\n**ArXiv:** 2606.01003v2\nArXiv ID: 2606.01004") == ["2606.01002", "2606.01003", "2606.01004"])
        #expect(named(#"<strong>ArXiv ID:</strong> 2606.01005 | <a href="https://arxiv.org/pdf/2606.01006v1.pdf">"#) == ["2606.01005", "2606.01006"])
        #expect(named(#"{"2606.01007": {"title": "T"}, "x": {"arxiv_id": "2606.01008", "ARXIVID": "2606.01008"}}"#) == ["2606.01007", "2606.01008"])
        #expect(named("### 2606.01009: A heading that opens with its id\n- 2606.01010 a list item") == ["2606.01009", "2606.01010"])
        #expect(named("see https://arxiv.org/abs/hep-th/9901001 and arxiv.org/abs/9606126") == ["hep-th/9901001", "9606126"])
        #expect(named("arXiv：2606.01011v1宣布类型：新") == ["2606.01011"], "a full-width colon is a label, not a citation")
    }

    @Test("Prose is not a paper: numbers like ids, and an abstract's citation of another paper in arXiv's own form")
    func proseIsNotAPaper() {
        #expect(named("We cut the error from 1234.5678 to 2606.0101 units; see Table 2606.01012.").isEmpty)
        #expect(named("Compared to its predecessor (Lu et al., arXiv:2408.06292), and arXiv:hep-th/9901001.").isEmpty)
        #expect(named("Total arXiv papers: 640").isEmpty)
    }

    @Test("A file that names papers and yields none is refused; one that yields fewer is short, with the ids; a stated total counts")
    func findings() {
        let page = Data("[A](https://arxiv.org/abs/2606.01001) [B](https://arxiv.org/abs/2606.01002) [C](https://arxiv.org/abs/2606.01003)".utf8)
        #expect(LossGuard.check(page, accounted: []) == .refused(named: 3))
        #expect(LossGuard.check(page, accounted: ["2606.01001", "2606.01002", "2606.01003"]) == .complete)
        guard case .short(let short) = LossGuard.check(page, accounted: ["2606.01002"]) else {
            Issue.record("expected a shortfall")
            return
        }
        #expect(short.missing == ["2606.01001", "2606.01003"] && short.description == "names 3 arXiv papers, read 1")
        guard case .short(let stated) = LossGuard.check(page, accounted: ["2606.01001", "2606.01002", "2606.01003"], stated: 5) else {
            Issue.record("expected a shortfall against the stated total")
            return
        }
        #expect(stated.description == "names 3 arXiv papers, read 3 (it states 5 relevant papers)")
        // A bare old-style number is the paper its archive's id names.
        #expect(LossGuard.check(Data("arxiv.org/abs/9606126".utf8), accounted: ["astro-ph/9606126"]) == .complete)
        #expect(LossGuard.check(Data("no papers here".utf8), accounted: []) == .complete)
    }

    @Test("A file no reader takes: skipped as other when it names no paper (an error with strict), refused when it names some")
    func placing() {
        let unknown = SourceKind.unknown("no digest title arxive knows")
        #expect((try? LossGuard.place(Data("shopping list".utf8), as: unknown, strict: false).get()) == .other)
        #expect((try? LossGuard.place(Data("shopping list".utf8), as: unknown, strict: true).get()) == nil)
        let lossy = LossGuard.place(Data("| [A](https://arxiv.org/abs/2606.07001) |".utf8), as: unknown, strict: false)
        guard case .failure(let error) = lossy else {
            Issue.record("a file that names papers must not be skipped")
            return
        }
        #expect(error.message.hasSuffix("names 1 arXiv paper, read 0"))
        // An index page of arXiv links is a list of papers, not an index.
        #expect((try? LossGuard.place(Data("# Picks\n- [A](https://arxiv.org/abs/2606.07001)".utf8), as: .skipped(.indexPage), strict: false).get()) == nil)
        #expect((try? LossGuard.place(Data("# 2026\n- [06](2026-06/index.md)".utf8), as: .skipped(.indexPage), strict: false).get()) == .indexPage)
    }
}
