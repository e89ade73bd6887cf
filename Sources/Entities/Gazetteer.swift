import LexiconFormat

/// The places of `Lexicons/places/*.tsv` and the county-level division each belongs to.
public struct Gazetteer: Sendable {
    /// A place.
    public struct Place: Sendable, Equatable {
        public let name: String
        public let kind: String
        /// The county-level division, or `nil` when the place spans several (`-`).
        public let county: String?
    }

    /// The kinds a gazetteer row may have.
    public static let kinds: Set<String> = [
        "city", "county", "district", "zone", "town", "township", "subdistrict", "road", "toll_station",
        "overload_station", "landmark", "alias",
    ]

    /// Places by name.
    public let places: [String: Place]
    /// The names of the cities (kind `city`): a place that belongs to a city as a whole names no county.
    public let cities: Set<String>

    /// Creates a gazetteer from its places.
    public init(places: [String: Place]) {
        self.places = places
        cities = Set(places.values.filter { $0.kind == "city" }.map(\.name))
    }

    /// Reads every `.tsv` file of a folder: rows `name kind county`.
    ///
    /// - Throws: `LexiconError` for a row without three fields, an unknown kind, or a name listed twice.
    public static func load(directory: String) throws(LexiconError) -> Gazetteer {
        var places: [String: Place] = [:]
        var lines: [String: String] = [:]
        for path in try LexiconFile.files(in: directory, withExtensions: ["tsv"]) {
            for line in try LexiconFile(path: path).lines {
                let fields = line.fields
                guard fields.count == 3, !fields[0].isEmpty, !fields[2].isEmpty else {
                    throw LexiconError(file: path, line: line.number, reason: "expected: name, kind, county")
                }
                guard kinds.contains(fields[1]) else {
                    throw LexiconError(
                        file: path, line: line.number,
                        reason: "unknown kind '\(fields[1])' (one of \(kinds.sorted().joined(separator: ", ")))")
                }
                if let earlier = lines[fields[0]] {
                    throw LexiconError(
                        file: path, line: line.number, reason: "'\(fields[0])' is already listed at \(earlier)")
                }
                lines[fields[0]] = "\(path):\(line.number)"
                places[fields[0]] = Place(name: fields[0], kind: fields[1], county: fields[2] == "-" ? nil : fields[2])
            }
        }
        return Gazetteer(places: places)
    }

    /// The county-level division a place names, if it names one.
    public func county(of name: String) -> String? {
        guard let place = places[name], place.kind != "city", let county = place.county, !cities.contains(county)
        else { return nil }
        return county
    }

    /// Every county-level division some place belongs to.
    public var counties: Set<String> { Set(places.keys.compactMap(county(of:))) }
}
