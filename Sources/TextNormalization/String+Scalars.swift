extension String {
    /// Creates a string of the given Unicode scalars.
    ///
    /// The scalars are written as UTF-8 straight into the new string's storage (at most four bytes each), which is
    /// several times cheaper than appending them one by one to a `String.UnicodeScalarView`; the hot paths turn every
    /// token, evidence span and entity into a String this way. It is inlinable so that callers in other modules get a
    /// version specialised for their collection instead of iterating it through protocol witnesses.
    @inlinable
    public init(scalars: some Collection<Unicode.Scalar>) {
        self.init(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var length = 0
            for scalar in scalars {
                UTF8.encode(scalar) { unit in
                    buffer[length] = unit
                    length += 1
                }
            }
            return length
        }
    }
}
