import Classification
import LexiconFormat
import Segmentation

/// Everything loaded from a `Lexicons/` folder: the taxonomy, the segmenter's dictionary and the rule book.
/// Loaded once and shared by every analyzer.
public struct LexiconSet: Sendable {
    /// The folder it was loaded from.
    public let directory: String
    /// The 6 categories and 21 sub-types.
    public let taxonomy: Taxonomy
    /// The segmenter's domain dictionary.
    public let dictionary: DomainDictionary
    /// The classification rules.
    public let rules: RuleBook

    /// Loads and checks every data file of a lexicon folder.
    ///
    /// - Throws: `LexiconError` naming the file and line of the first problem.
    public init(directory: String) throws(LexiconError) {
        self.directory = directory
        taxonomy = try Taxonomy.load(path: directory + "/taxonomy.tsv")
        dictionary = try DomainDictionary.load(lexiconDirectory: directory)
        rules = try RuleBook.load(directory: directory + "/rules", validSubtypes: Set(taxonomy.subtypeIDs))
    }
}
