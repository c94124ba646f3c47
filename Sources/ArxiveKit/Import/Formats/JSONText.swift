import Foundation

/// Writes a value that `JSONSerialization` read (or one the readers built
/// of strings, numbers, booleans, arrays and string-keyed objects) back as
/// compact JSON, keys sorted by their Unicode scalars.
///
/// Written here, rather than with `JSONSerialization.data`, because that
/// writer was nearly half of importing a year of hotspot reports (perf,
/// release build: 48% of the samples, most of them dynamic casts and
/// bridging each dictionary to `NSDictionary`), and a report has about two
/// hundred such values (each topic's and each source item's other keys,
/// tags, scores). Numbers and strings come out as `JSONSerialization`
/// writes them (`10`, `1e-07`, `\/`); the keys' order differs (Foundation
/// sorts them by a case-insensitive comparison). `JSONTextTests` checks it
/// against `JSONSerialization` on every value of the fixtures' and the
/// samples' reports.
enum JSONText {
    /// The text of `value`; nil when JSON cannot hold it (a date, NaN, a non-string key).
    static func write(_ value: Any) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        guard append(value, to: &out) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// A list of strings (a topic's tags), without a cast per element.
    static func write(_ strings: [String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (index, string) in strings.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendString(string, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    /// An object of numbers (a topic's scores), without a cast per value.
    static func write(_ numbers: [String: Double]) -> String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (index, key) in numbers.keys.sorted().enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendString(key, to: &out)
            out.append(UInt8(ascii: ":"))
            appendDouble(numbers[key]!, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ value: Any, to out: inout [UInt8]) -> Bool {
        // The commonest kind first, and the collections before `NSNumber`:
        // asking whether a dictionary is an NSNumber bridges it to an NSDictionary first.
        switch value {
        case let string as String:
            appendString(string, to: &out)
        case let object as [String: Any]:
            out.append(UInt8(ascii: "{"))
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                guard append(object[key]!, to: &out) else { return false }
            }
            out.append(UInt8(ascii: "}"))
        case let array as [Any]:
            out.append(UInt8(ascii: "["))
            for (index, element) in array.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                guard append(element, to: &out) else { return false }
            }
            out.append(UInt8(ascii: "]"))
        case let number as NSNumber:
            return appendNumber(number, to: &out)
        case is NSNull:
            out += Array("null".utf8)
        default:
            return false
        }
        return true
    }

    /// Booleans as `true`/`false` (a `char` number is one: JSON has no such
    /// type, and Foundation reads `true` as one); integers as they are; other
    /// numbers with the shortest digits that read back the same, as
    /// `JSONSerialization` writes them.
    private static func appendNumber(_ number: NSNumber, to out: inout [UInt8]) -> Bool {
        let type = UInt8(bitPattern: number.objCType.pointee)
        switch type {
        case UInt8(ascii: "c"), UInt8(ascii: "B"):
            out += Array((number.boolValue ? "true" : "false").utf8)
        case UInt8(ascii: "Q"), UInt8(ascii: "L"), UInt8(ascii: "I"), UInt8(ascii: "S"), UInt8(ascii: "C"):
            out += Array(String(number.uint64Value).utf8)
        case UInt8(ascii: "f"):
            guard number.floatValue.isFinite else { return false }
            appendDigits(number.floatValue.description, to: &out)
        case UInt8(ascii: "d"):
            // A long literal comes as NSDecimalNumber, whose digits its double would lose.
            if number is NSDecimalNumber { out += Array(number.description.utf8); return true }
            guard number.doubleValue.isFinite else { return false }
            appendDouble(number.doubleValue, to: &out)
        default:
            out += Array(String(number.int64Value).utf8)
        }
        return true
    }

    /// Swift's shortest digits, which are Foundation's, without Swift's `.0` (`10`, `-0`).
    private static func appendDouble(_ double: Double, to out: inout [UInt8]) {
        appendDigits(double.isFinite ? double.description : "null", to: &out)
    }

    private static func appendDigits(_ description: String, to out: inout [UInt8]) {
        out += Array(description.hasSuffix(".0") ? description.dropLast(2).utf8 : description[...].utf8)
    }

    private static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "/"): out += [UInt8(ascii: "\\"), UInt8(ascii: "/")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
