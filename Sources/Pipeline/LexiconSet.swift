import Classification
import Entities
import Foundation
import LexiconFormat
import RiskAssessment
import Routing
import Segmentation
import TextNormalization

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
    /// The traditional → simplified mapping.
    public let simplification: Simplification
    /// Toneless pinyin, for homophone-tolerant terms.
    public let pinyin: PinyinTable
    /// The statistical model backing the rules up (`model/naive-bayes.tsv`), when there is one.
    public let model: NaiveBayesModel?
    /// The model's file, relative to the lexicon folder (`triage lexicon train` writes it).
    public static let modelFile = "model/naive-bayes.tsv"
    /// The statistical models behind the risk rules (`model/referral.tsv`, `model/high-risk.tsv`), those there are.
    public let riskModels: RiskModels
    /// The risk models' files, relative to the lexicon folder (`triage lexicon train` writes them).
    public static let referralModelFile = "model/referral.tsv"
    public static let highRiskModelFile = "model/high-risk.tsv"
    /// The risk rules (`risk/`).
    public let risk: RuleBook
    /// The entity extractor (`places/`, `entities/`).
    public let entities: EntityExtractor
    /// Who handles what (`jurisdictions.tsv`).
    public let jurisdiction: Jurisdiction

    /// The files of generated character data, relative to the lexicon folder (`triage lexicon tables` writes them).
    public static let simplificationFile = "characters/simplified.tsv"
    public static let pinyinFile = "characters/pinyin.tsv"

    /// Loads and checks every data file of a lexicon folder.
    ///
    /// - Throws: `LexiconError` naming the file and line of the first problem.
    public init(directory: String) throws(LexiconError) {
        self.directory = directory
        simplification = try Simplification.load(path: directory + "/" + LexiconSet.simplificationFile)
        let normalizer = Normalizer(simplification: simplification)
        // The models and the dictionary load on other threads while this one reads the rules.
        let loadingModel = BackgroundLoad.optionalModel(at: directory + "/" + LexiconSet.modelFile)
        let loadingReferralModel = BackgroundLoad.optionalModel(at: directory + "/" + LexiconSet.referralModelFile)
        let loadingHighRiskModel = BackgroundLoad.optionalModel(at: directory + "/" + LexiconSet.highRiskModelFile)
        let loadingDictionary = BackgroundLoad { () throws(LexiconError) in
            try DomainDictionary.load(lexiconDirectory: directory, normalizer: normalizer)
        }
        pinyin = try PinyinTable.load(path: directory + "/" + LexiconSet.pinyinFile)
        taxonomy = try Taxonomy.load(path: directory + "/taxonomy.tsv")
        rules = try RuleBook.load(
            directory: directory + "/rules", validSubtypes: Set(taxonomy.subtypeIDs), normalizer: normalizer)
        risk = try RuleBook.load(
            directory: directory + "/risk", validSubtypes: [],
            validReasons: Set(RiskReason.ruleReasons.map(\.rawValue)),
            sharedFiles: [directory + "/rules/scope.rules"], normalizer: normalizer)
        jurisdiction = try Jurisdiction.load(path: directory + "/jurisdictions.tsv")
        entities = try EntityExtractor(lexiconDirectory: directory)
        model = try loadingModel.value()
        riskModels = RiskModels(referral: try loadingReferralModel.value(), highRisk: try loadingHighRiskModel.value())
        dictionary = try loadingDictionary.value()
        for county in entities.gazetteer.counties.sorted() where jurisdiction.unitByCounty[county] == nil {
            throw LexiconError(
                file: directory + "/jurisdictions.tsv",
                reason: "no unit covers \(county), which the gazetteer names")
        }
    }
}
