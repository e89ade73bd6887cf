import LexiconFormat

/// The 6 categories (问题方面) and 21 sub-types (表现形式) of 附件3, with their fixed ids and official wording.
public struct Taxonomy: Sendable {
    /// A category of problems.
    public struct Category: Sendable, Equatable, Codable {
        /// The fixed id, 1–6.
        public let id: Int
        /// The official wording.
        public let name: String
    }

    /// A sub-type of problem.
    public struct Subtype: Sendable, Equatable, Codable {
        /// The fixed id, 1–21.
        public let id: Int
        /// The id of its category.
        public let categoryID: Int
        /// The official wording.
        public let name: String
        /// What the plan lists as its manifestations.
        public let manifestations: [String]
    }

    /// The categories by id.
    public let categories: [Int: Category]
    /// The sub-types by id.
    public let subtypes: [Int: Subtype]

    /// The name given to sub-type 0.
    public static let outOfScopeName = "不属于专项整治范围"

    /// The sub-type ids in order.
    public var subtypeIDs: [Int] { subtypes.keys.sorted() }

    /// The category of a sub-type.
    public func category(ofSubtype id: Int) -> Category? {
        subtypes[id].flatMap { categories[$0.categoryID] }
    }

    /// Loads `taxonomy.tsv`: rows `category ID - NAME` and `subtype ID CATEGORY NAME MANIFESTATIONS`.
    ///
    /// - Throws: `LexiconError` for a malformed row, a duplicate id, or a sub-type whose category is missing.
    public static func load(path: String) throws(LexiconError) -> Taxonomy {
        let file = try LexiconFile(path: path)
        var categories: [Int: Category] = [:]
        var subtypes: [Int: Subtype] = [:]
        var subtypeLines: [Int: Int] = [:]
        for line in file.lines {
            let fields = line.fields
            guard fields.count >= 4, let id = Int(fields[1]), id > 0 else {
                throw LexiconError(
                    file: path, line: line.number, reason: "expected: kind, id, category, name[, manifestations]")
            }
            switch fields[0] {
            case "category":
                guard categories[id] == nil else {
                    throw LexiconError(file: path, line: line.number, reason: "category \(id) is defined twice")
                }
                categories[id] = Category(id: id, name: fields[3])
            case "subtype":
                guard subtypes[id] == nil else {
                    throw LexiconError(file: path, line: line.number, reason: "sub-type \(id) is defined twice")
                }
                guard let category = Int(fields[2]) else {
                    throw LexiconError(file: path, line: line.number, reason: "sub-type \(id) has no category id")
                }
                let manifestations = fields.count > 4 ? fields[4].split(separator: "；").map(String.init) : []
                subtypes[id] = Subtype(id: id, categoryID: category, name: fields[3], manifestations: manifestations)
                subtypeLines[id] = line.number
            default:
                throw LexiconError(
                    file: path, line: line.number, reason: "unknown kind '\(fields[0])' (category or subtype)")
            }
        }
        for (id, subtype) in subtypes where categories[subtype.categoryID] == nil {
            throw LexiconError(
                file: path, line: subtypeLines[id],
                reason: "sub-type \(id) names category \(subtype.categoryID), which is not defined")
        }
        if subtypes.isEmpty { throw LexiconError(file: path, reason: "defines no sub-type") }
        return Taxonomy(categories: categories, subtypes: subtypes)
    }
}
