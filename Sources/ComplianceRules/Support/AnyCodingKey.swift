/// A coding key for any name or position: the keys of mappings whose names are data (a system's
/// facts, a report's derived facts, a JSON object's members).
package struct AnyCodingKey: CodingKey {
    package var stringValue: String
    package var intValue: Int?

    package init(stringValue: String) { self.stringValue = stringValue }

    package init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}
