import Entities

extension Analyzer.Analysis {
    /// The original text with personal data masked: every phone number, ID number and complainant's name found,
    /// and any other run of digits long enough to be one. What letters, ledgers, lists and alerts show.
    public var maskedText: String {
        let personal = entities.mentions.filter(\.kind.isPersonalData)
        return PersonalData.maskDigitRuns(PersonalData.maskText(original, mentions: personal))
    }
}
