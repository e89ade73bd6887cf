import ArgumentParser

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Tools for the analysts who maintain Lexicons/.",
        subcommands: [
            LexiconCheckCommand.self, LexiconSuggestCommand.self, LexiconTablesCommand.self, LexiconTrainCommand.self,
            LexiconCrossValidateCommand.self,
        ]
    )
}
