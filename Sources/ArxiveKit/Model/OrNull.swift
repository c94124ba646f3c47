/// An optional that the JSON contract writes as `null` when it is nil:
/// synthesized `Encodable` leaves a nil optional out, and scripts that read
/// `--json` rely on every key being there. With this, and the one encoder
/// configuration in `JSONOutput` (snake_case keys), a value type's
/// encoding is declared by its properties instead of written by hand.
@propertyWrapper
public struct OrNull<Value> {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }
}

extension OrNull: Encodable where Value: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension OrNull: Equatable where Value: Equatable {}
extension OrNull: Hashable where Value: Hashable {}
extension OrNull: Sendable where Value: Sendable {}
