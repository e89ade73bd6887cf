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
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
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

        // The command-line tool: one subcommand per file.
        .executableTarget(
            name: "triage",
            dependencies: [
                "TextDecoding", "TextNormalization", "Segmentation", "LexiconFormat", "Classification", "Pipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "TextDecodingTests", dependencies: ["TextDecoding"]),
        .testTarget(name: "TextNormalizationTests", dependencies: ["TextNormalization"]),
        .testTarget(name: "SegmentationTests", dependencies: ["Segmentation", "TextNormalization", "LexiconFormat"]),
        .testTarget(name: "LexiconFormatTests", dependencies: ["LexiconFormat"]),
        .testTarget(name: "ClassificationTests", dependencies: ["Classification", "Pipeline", "LexiconFormat"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Pipeline", "Entities", "RiskAssessment", "Routing"]),
    ],
    swiftLanguageModes: [.v6]
)
