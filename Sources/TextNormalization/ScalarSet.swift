/// A set of BMP characters looked up by array index: for hot loops that test every character of a text, where a
/// hashed `Set<Unicode.Scalar>` costs a hash per character. Characters outside the BMP are never members.
public struct ScalarSet: Sendable {
    private var members = [Bool](repeating: false, count: 0x10000)

    /// Creates a set of the given characters.
    public init(_ scalars: some Sequence<Unicode.Scalar>) {
        for scalar in scalars where scalar.value < 0x10000 { members[Int(scalar.value)] = true }
    }

    /// Whether a character is in the set.
    @inline(__always)
    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x10000 && members[Int(scalar.value)]
    }
}
