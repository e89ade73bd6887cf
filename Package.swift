// swift-tools-version:6.0
// triage: reads Chinese complaints about transport law enforcement and turns them into classified, routed cases.
// One target per pipeline stage (see ../shared/DESIGN.md); CICU and CICUShim are the only code that sees ICU.
import PackageDescription

let package = Package(
    name: "triage",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "triage", targets: ["triage"]),
        .library(name: "TriageText", targets: ["TextDecoding", "TextNormalization", "Segmentation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // ICU's C API from Debian's libicu-dev, found through pkg-config.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // The C shim over ICU: opaque handles and plain integers, no ICU header in its public interface.
        .target(name: "CICUShim", dependencies: ["CICU"]),

        // Plain-text data files under Lexicons/: lines, comments, file:line errors.
        .target(name: "LexiconFormat"),
        // Stage 1a: bytes to text (UTF-8, UTF-16, GB18030; detection; strict or lossy).
        .target(name: "TextDecoding", dependencies: ["CICUShim"]),
        // Stage 1b: NFKC, traditional to simplified, invisible characters and inserted noise removed, offset map.
        .target(name: "TextNormalization", dependencies: ["CICUShim", "LexiconFormat"]),
        // Stage 2: ICU word breaks plus the domain dictionary overlay.
        .target(name: "Segmentation", dependencies: ["CICUShim", "TextNormalization", "LexiconFormat"]),

        // Stage 3: the lexicon rule classifier: 21 sub-types or out of scope, with evidence.
        .target(
            name: "Classification",
            dependencies: ["CICUShim", "TextNormalization", "Segmentation", "LexiconFormat"]
        ),
        // Stage 4a: entities (places and the county, plates, sums, dates, phone and ID numbers, bodies, names).
        .target(name: "Entities", dependencies: ["TextNormalization", "Segmentation", "LexiconFormat"]),

        // Stage 4b: public-opinion risk, escalation and referral, from the risk lexicon.
        .target(
            name: "RiskAssessment",
            dependencies: ["Classification", "Segmentation", "TextNormalization"]
        ),
        // Stage 5: routing by jurisdiction.
        .target(name: "Routing", dependencies: ["LexiconFormat"]),

        // The stages put together: lexicon loading, the per-thread analyzer, the record every interface emits.
        .target(
            name: "Pipeline",
            dependencies: [
                "TextNormalization", "Segmentation", "Classification", "Entities", "RiskAssessment", "Routing",
                "LexiconFormat",
            ]
        ),

        // Stage 5b: the statutory working-day calendar (holidays and 调休 make-up days from Lexicons/calendar/).
        .target(name: "WorkingCalendar", dependencies: ["LexiconFormat"]),
        // Stage 5c: the case store: clues, cases, assignments, numbering, states and the audit trail (SQLite via GRDB).
        .target(
            name: "Cases",
            dependencies: ["WorkingCalendar", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Stage 5d: from files to the store: read records, analyse them, register, merge, assign.
        .target(
            name: "Intake",
            dependencies: ["TextDecoding", "Pipeline", "Cases", "WorkingCalendar", "Routing"]
        ),
        // Stage 6: what the office sends out: the four-lists ledger (CSV, .xlsx), 交办函 letters, statistics briefs.
        .target(
            name: "Reports",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),

        // Stage 6b: the office's documents filled from the case store (ledger rows, letters, briefs).
        .target(
            name: "CaseReports",
            dependencies: ["Cases", "Reports", "Classification", "WorkingCalendar", "TextNormalization"]
        ),

        // Live work: following growing files, folders or stdin, clustering items by incident, heat alerts (舆情).
        .target(name: "Watch", dependencies: ["Cases", "Pipeline", "TextNormalization"]),

        // The command-line tool: one subcommand per file.
        .executableTarget(
            name: "triage",
            dependencies: [
                "TextDecoding", "TextNormalization", "Segmentation", "LexiconFormat", "Classification", "Pipeline",
                "WorkingCalendar", "Cases", "Intake", "Reports", "CaseReports", "Watch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // What the test targets that run the built `triage` share: the repository root, the executable, folders.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TextDecodingTests", dependencies: ["TextDecoding"]),
        .testTarget(name: "TextNormalizationTests", dependencies: ["TextNormalization"]),
        .testTarget(name: "SegmentationTests", dependencies: ["Segmentation", "TextNormalization", "LexiconFormat"]),
        .testTarget(name: "LexiconFormatTests", dependencies: ["LexiconFormat"]),
        .testTarget(name: "ClassificationTests", dependencies: ["Classification", "Pipeline", "LexiconFormat"]),
        .testTarget(
            name: "AnalysisTests",
            dependencies: ["Pipeline", "Classification", "Entities", "RiskAssessment", "Routing"]),
        .testTarget(name: "WorkingCalendarTests", dependencies: ["WorkingCalendar", "LexiconFormat"]),
        // CaseTests also runs the built `triage` executable (concurrent writers, kill and resume).
        .testTarget(
            name: "CaseTests",
            dependencies: [
                "Cases", "Intake", "Pipeline", "WorkingCalendar", "Reports", "CaseReports", "triage", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"]),
        .testTarget(name: "WatchTests", dependencies: ["Watch", "Cases", "Pipeline", "triage", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
