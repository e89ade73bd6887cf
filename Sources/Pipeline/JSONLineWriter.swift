/// Writes JSON by hand, for the records written by the million: Foundation's JSONEncoder costs more than the whole
/// classification of a short clue. Keys are written in the order given; they are literals (`StaticString`), written as
/// they are: a key must need no escape.
public struct JSONLineWriter {
    /// The JSON text written so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether the innermost open object or array (or the top level) has a member yet: the next one needs a comma.
    private var hasMember = false
    /// `hasMember` of each enclosing object or array, innermost last.
    private var enclosing: [Bool] = []

    /// Creates an empty writer.
    public init() { bytes.reserveCapacity(2048) }

    private mutating func separate() {
        if hasMember { bytes.append(UInt8(ascii: ",")) }
        hasMember = true
    }

    private mutating func key(_ key: StaticString?) {
        separate()
        if let key {
            bytes.append(UInt8(ascii: "\""))
            key.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(UInt8(ascii: ":"))
        }
    }

    private mutating func open(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(ascii: bracket))
        enclosing.append(hasMember)
        hasMember = false
    }

    private mutating func close(_ bracket: Unicode.Scalar) {
        hasMember = enclosing.removeLast()
        bytes.append(UInt8(ascii: bracket))
    }

    /// Opens an object, as a member `key` of the enclosing object or as an array element (`nil`).
    public mutating func openObject(_ key: StaticString? = nil) {
        self.key(key)
        open("{")
    }

    /// Closes the innermost object.
    public mutating func closeObject() {
        close("}")
    }

    /// Opens an array.
    public mutating func openArray(_ key: StaticString? = nil) {
        self.key(key)
        open("[")
    }

    /// Closes the innermost array.
    public mutating func closeArray() {
        close("]")
    }

    /// Writes a string (or null).
    public mutating func write(_ key: StaticString?, _ value: String?) {
        self.key(key)
        if let value { appendString(value) } else { bytes.append(contentsOf: "null".utf8) }
    }

    /// Writes an integer.
    public mutating func write(_ key: StaticString?, _ value: Int) {
        self.key(key)
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(of: value.magnitude)
    }

    /// Writes a number with at most two decimals (no trailing zeros, no decimal point for a whole number).
    public mutating func write(_ key: StaticString?, _ value: Double) {
        self.key(key)
        let hundredths = Int((value * 100).rounded())
        if hundredths < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = hundredths.magnitude
        appendDigits(of: magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
            if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
        }
    }

    /// Writes a boolean.
    public mutating func write(_ key: StaticString?, _ value: Bool) {
        self.key(key)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// Writes null.
    public mutating func writeNull(_ key: StaticString?) {
        self.key(key)
        bytes.append(contentsOf: "null".utf8)
    }

    /// The decimal digits of a number, written straight into the bytes (`String(value)` made a string each time).
    private mutating func appendDigits(of value: UInt) {
        var unit: UInt = 1  // the place value of the first digit
        while unit <= value / 10 { unit *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(value / unit % 10))
            unit /= 10
        } while unit > 0
    }

    private mutating func appendString(_ string: String) {
        var string = string
        // The string's UTF-8 is read in place, and copied a run at a time between the bytes that need an escape.
        string.withUTF8 { appendQuoted($0) }
    }

    private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var copied = 0  // how many bytes of utf8 are written
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<index]))
            appendEscape(of: byte)
            copied = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[copied...]))
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(of byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [
                UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
            ])
        }
    }
}
