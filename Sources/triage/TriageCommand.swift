import ArgumentParser

@main
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Triage Chinese complaints about transport law enforcement.",
        discussion: """
            triage reads clues (hotline transcripts, petitions, media reports, online posts) in UTF-8, UTF-16 or \
            GB18030, normalises them, segments them into words, classifies them into the 21 problem types of the \
            rectification plan (or out of scope) with evidence, assesses public-opinion risk, escalation and referral, \
            finds entities and routes each clue to the responsible unit. Personal data is masked unless asked for.

            Data files (dictionaries, gazetteers, rules) are read from the Lexicons/ folder: the one given with \
            --lexicons, else $TRIAGE_LEXICONS, else the first Lexicons/ found above the working folder or above \
            the triage executable.
            """,
        subcommands: [
            NormalizeCommand.self, SegmentCommand.self, ClassifyCommand.self, ExplainCommand.self, EvalCommand.self,
            LexiconCommand.self, IngestCommand.self, CaseCommand.self, StatusCommand.self, CalendarCommand.self,
            LedgerCommand.self, LetterCommand.self, BriefCommand.self,
            WatchCommand.self,
        ]
    )
}
