/// A value as JSON: mappings are objects (keys in order), lists are arrays, dates are
/// `YYYY-MM-DD` strings and infinities and NaN (which JSON cannot hold) are strings. Reading back,
/// a string that is exactly a valid `YYYY-MM-DD` date becomes a date, and a number without a
/// fraction an integer.
extension Value: Codable {
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .int(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .double(let number):
            var container = encoder.singleValueContainer()
            if number.isFinite { try container.encode(number) } else { try container.encode(description) }
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .date(let date):
            var container = encoder.singleValueContainer()
            try container.encode(date.description)
        case .list(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(element) }
        case .map(let entries):
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            for (key, value) in entries { try container.encode(value, forKey: AnyCodingKey(stringValue: key)) }
        }
    }

    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: AnyCodingKey.self) {
            var entries: [(String, Value)] = []
            for key in container.allKeys { entries.append((key.stringValue, try container.decode(Value.self, forKey: key))) }
            self = .map(ValueMap(entries))
            return
        }
        if var container = try? decoder.unkeyedContainer() {
            var elements: [Value] = []
            while !container.isAtEnd { elements.append(try container.decode(Value.self)) }
            self = .list(elements)
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .int(number)
        } else if let number = try? container.decode(Double.self) {
            self = .double(number)
        } else {
            let text = try container.decode(String.self)
            self = CalendarDate(text).map(Value.date) ?? .string(text)
        }
    }
}
