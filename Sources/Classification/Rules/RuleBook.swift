import LexiconFormat
import TextNormalization

/// Every rule and term list under `Lexicons/rules/`, parsed and checked.
///
/// Some lists have a meaning for the classifier itself (see `WellKnownList`): the negators, the words that end a
/// negation's scope, the actors of the scope gate, and the speaker labels of hotline transcripts.
public struct RuleBook: Sendable {
    /// Lists the classifier itself uses, by name.
    public enum WellKnownList: String, CaseIterable, Sendable {
        /// Words that negate a term after them (没有, 未, 不, 并非 …).
        case negators
        /// Negators that govern only the word right after them (不, 别, 无 …).
        case nearNegators = "negators-near"
        /// Words that end a negation's scope (但是, 可是 …), besides punctuation.
        case negationBreaks = "negation-breaks"
        /// Transport enforcement actors and units (路政, 运管, 治超站 …): the scope gate opens.
        case transportActors = "actors-transport"
        /// Other enforcement actors (交警 …): the gate stays shut unless a transport actor is also named.
        case otherActors = "actors-other"
        /// Generic enforcement words (执法人员 …): the gate opens when no other actor is named.
        case genericActors = "actors-generic"
        /// Speaker labels of hotline operators (话务员 …): their turns are not evidence.
        case operatorLabels = "speakers-operator"
        /// Speaker labels of callers (市民, 来电人 …): they end an operator's turn.
        case callerLabels = "speakers-caller"
    }

    /// Every distinct term, indexed by term id.
    public let terms: [Term]
    /// The rules, in file order.
    public let rules: [Rule]
    /// Named term lists (term ids).
    public let lists: [String: [Int]]

    /// The term ids of a well-known list (empty when the files do not define it).
    public func terms(of list: WellKnownList) -> [Int] { lists[list.rawValue] ?? [] }

    /// Loads every `.rules` file under a directory, in path order, after `sharedFiles` (files whose lists, such as
    /// the negators, the rules of this directory use too).
    ///
    /// - Throws: `LexiconError` naming the file and line of the first problem.
    public static func load(
        directory: String, validSubtypes: Set<Int>, validReasons: Set<String> = [], sharedFiles: [String] = [],
        normalizer: Normalizer = Normalizer()
    ) throws(LexiconError) -> RuleBook {
        var parser = RuleParser(validSubtypes: validSubtypes, validReasons: validReasons, normalizer: normalizer)
        for path in try sharedFiles + LexiconFile.files(in: directory, withExtensions: ["rules"]) {
            try parser.parse(try LexiconFile(path: path))
        }
        return try parser.finish()
    }
}

/// Reads the rule syntax documented in Lexicons/README.md.
struct RuleParser {
    private let validSubtypes: Set<Int>
    private let validReasons: Set<String>
    private let normalizer: Normalizer
    private var terms: [Term] = []
    /// Term ids by the term's UTF-8 bytes and tolerance (hashing bytes is much cheaper than hashing Strings, which
    /// normalises them first).
    private var termIDs: [TermKey: Int] = [:]
    private struct TermKey: Hashable {
        let bytes: [UInt8]
        let tolerant: Bool
    }
    private var lists: [String: [Int]] = [:]
    private var listLocations: [String: String] = [:]
    private var rules: [Rule] = []
    private var ruleLocations: [String: String] = [:]
    /// List references waiting for their list: where, which name, and how to patch once known.
    private var pendingReferences: [(file: String, line: Int, name: String)] = []

    /// The block being read.
    private enum Block {
        case none
        case list(name: String)
        case rule(RuleDraft)
    }

    private struct RuleDraft {
        var id: String
        var subtype: Int
        var reason: String?
        var weight: Double
        var anchor: [ListOrTerm] = []
        var clauses: [(Rule.Placement, [ListOrTerm])] = []
        var vetoes: [ListOrTerm] = []
        var gated = true
        var file: String
        var line: Int
    }

    /// A term or a reference to a list, resolved when all files are read (lists may be defined in any file).
    private enum ListOrTerm {
        case term(Int)
        case list(String, line: Int, file: String)
    }

    private var block = Block.none
    private var drafts: [RuleDraft] = []

    init(validSubtypes: Set<Int>, validReasons: Set<String>, normalizer: Normalizer) {
        self.validSubtypes = validSubtypes
        self.validReasons = validReasons
        self.normalizer = normalizer
    }

    mutating func parse(_ file: LexiconFile) throws(LexiconError) {
        var fileSubtype: Int?
        var fileReason: String?
        for line in file.lines {
            func fail(_ reason: String) -> LexiconError {
                LexiconError(file: file.path, line: line.number, reason: reason)
            }
            let words = line.text.unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "\t" })
                .map { String(Substring($0)) }
            let keyword = words[0]
            let arguments = Array(words.dropFirst())
            switch keyword {
            case "subtype":
                try closeBlock()
                guard arguments.count == 1, let id = Int(arguments[0]), id == 0 || validSubtypes.contains(id) else {
                    throw fail("'subtype' takes one sub-type id (0 for out of scope, or an id of taxonomy.tsv)")
                }
                fileSubtype = id
                fileReason = nil
            case "reason":
                try closeBlock()
                guard arguments.count == 1, validReasons.contains(arguments[0]) else {
                    let known = validReasons.sorted().joined(separator: ", ")
                    throw fail("'reason' takes one reason name (\(known.isEmpty ? "none allowed here" : known))")
                }
                fileReason = arguments[0]
                fileSubtype = nil
            case "list":
                try closeBlock()
                guard arguments.count >= 1 else { throw fail("'list' needs a name") }
                let name = arguments[0].hasSuffix(":") ? String(arguments[0].dropLast()) : arguments[0]
                guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), !name.isEmpty else {
                    throw fail("a list name may hold letters, digits, '-' and '_' only")
                }
                if let earlier = listLocations[name] { throw fail("list '\(name)' is already defined at \(earlier)") }
                listLocations[name] = "\(file.path):\(line.number)"
                lists[name] = []
                block = .list(name: name)
                if arguments.count > 1 { try addToList(name, arguments.dropFirst(), file: file, line: line.number) }
            case "rule":
                try closeBlock()
                guard arguments.count >= 2, let weight = Double(arguments[1]), weight > 0, weight <= 1 else {
                    throw fail("expected 'rule ID WEIGHT' with a weight in (0, 1]")
                }
                let id = arguments[0]
                if let earlier = ruleLocations[id] { throw fail("rule '\(id)' is already defined at \(earlier)") }
                var subtype = fileSubtype
                if arguments.count == 4, arguments[2] == "subtype", let explicit = Int(arguments[3]) {
                    guard explicit == 0 || validSubtypes.contains(explicit) else {
                        throw fail("sub-type \(explicit) is not in taxonomy.tsv")
                    }
                    subtype = explicit
                } else if arguments.count != 2 {
                    throw fail("expected 'rule ID WEIGHT [subtype N]'")
                }
                guard subtype != nil || fileReason != nil else {
                    throw fail("rule '\(id)' has no sub-type: put 'subtype N' (or 'reason NAME') above it")
                }
                ruleLocations[id] = "\(file.path):\(line.number)"
                var draft = RuleDraft(
                    id: id, subtype: subtype ?? -1, reason: subtype == nil ? fileReason : nil, weight: weight,
                    file: file.path, line: line.number)
                draft.gated = draft.reason == nil  // risk rules are read on clues already in scope
                block = .rule(draft)
            case "any", "with", "near", "before", "after", "unless", "ungated":
                guard case .rule(var draft) = block else {
                    throw fail("'\(keyword)' belongs inside a rule (after a 'rule' line)")
                }
                switch keyword {
                case "ungated":
                    guard arguments.isEmpty else { throw fail("'ungated' takes nothing after it") }
                    draft.gated = false
                case "any":
                    guard draft.anchor.isEmpty else { throw fail("a rule has one 'any' line (its anchor)") }
                    draft.anchor = try parseTerms(arguments[...], file: file, line: line.number)
                case "unless":
                    draft.vetoes += try parseTerms(arguments[...], file: file, line: line.number)
                case "with":
                    draft.clauses.append((.anywhere, try parseTerms(arguments[...], file: file, line: line.number)))
                default:
                    guard let window = arguments.first.flatMap(Int.init), window > 0 else {
                        throw fail("'\(keyword)' needs a window in words first, e.g. '\(keyword) 8 term term'")
                    }
                    let placement: Rule.Placement =
                        keyword == "near" ? .near(window) : keyword == "before" ? .before(window) : .after(window)
                    draft.clauses.append(
                        (placement, try parseTerms(arguments.dropFirst(), file: file, line: line.number)))
                }
                block = .rule(draft)
            default:
                guard case .list(let name) = block else {
                    throw fail(
                        "unknown directive '\(keyword)' (expected subtype, reason, list, rule, any, with, near, before, after, unless or ungated)"
                    )
                }
                try addToList(name, words[...], file: file, line: line.number)
            }
        }
        try closeBlock()
    }

    private mutating func closeBlock() throws(LexiconError) {
        if case .rule(let draft) = block {
            guard !draft.anchor.isEmpty else {
                throw LexiconError(file: draft.file, line: draft.line, reason: "rule '\(draft.id)' has no 'any' line")
            }
            drafts.append(draft)
        }
        block = .none
    }

    private mutating func addToList(_ name: String, _ words: ArraySlice<String>, file: LexiconFile, line: Int)
        throws(LexiconError)
    {
        for item in try parseTerms(words, file: file, line: line) {
            switch item {
            case .term(let id): lists[name, default: []].append(id)
            case .list:
                throw LexiconError(file: file.path, line: line, reason: "a list cannot include another list")
            }
        }
    }

    private mutating func parseTerms(_ words: ArraySlice<String>, file: LexiconFile, line: Int)
        throws(LexiconError) -> [ListOrTerm]
    {
        guard !words.isEmpty else {
            throw LexiconError(file: file.path, line: line, reason: "no terms given")
        }
        var result: [ListOrTerm] = []
        for word in words {
            if word.unicodeScalars.first == "@" {
                result.append(.list(String(word.dropFirst()), line: line, file: file.path))
                continue
            }
            let tolerant = word.unicodeScalars.last == "~"
            let text = tolerant ? String(word.dropLast()) : word
            let key = TermKey(bytes: Array(text.utf8), tolerant: tolerant)
            if let id = termIDs[key] {
                result.append(.term(id))  // already checked
                continue
            }
            if text.isEmpty || !normalizer.isPlainlyNormalized(text) {
                let normalized = normalizer.normalize(text).text
                guard normalized == text, !text.isEmpty else {
                    throw LexiconError(
                        file: file.path, line: line,
                        reason: "term '\(text)' is not in normalised form (it normalises to '\(normalized)')")
                }
            }
            if tolerant && text.unicodeScalars.count < 3 {
                throw LexiconError(
                    file: file.path, line: line,
                    reason: "'\(word)': only terms of 3 or more characters may be homophone-tolerant")
            }
            let term = Term(text: text, homophoneTolerant: tolerant)
            if let id = termIDs[key] {
                result.append(.term(id))
            } else {
                termIDs[key] = terms.count
                result.append(.term(terms.count))
                terms.append(term)
            }
        }
        return result
    }

    private func resolve(_ items: [ListOrTerm]) throws(LexiconError) -> [Int] {
        var ids: [Int] = []
        for item in items {
            switch item {
            case .term(let id): ids.append(id)
            case .list(let name, let line, let file):
                guard let members = lists[name] else {
                    throw LexiconError(file: file, line: line, reason: "no list named '\(name)' is defined")
                }
                ids += members
            }
        }
        return ids
    }

    mutating func finish() throws(LexiconError) -> RuleBook {
        try closeBlock()
        for draft in drafts {
            var clauses: [Rule.Clause] = []
            for (placement, items) in draft.clauses {
                clauses.append(Rule.Clause(placement: placement, terms: try resolve(items)))
            }
            rules.append(
                Rule(
                    id: draft.id, subtype: draft.subtype, reason: draft.reason, weight: draft.weight,
                    anchor: try resolve(draft.anchor),
                    clauses: clauses, vetoes: try resolve(draft.vetoes), gated: draft.gated, file: draft.file,
                    line: draft.line))
        }
        return RuleBook(terms: terms, rules: rules, lists: lists)
    }
}
