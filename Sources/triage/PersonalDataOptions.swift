import ArgumentParser

/// Whether to show personal data (phone and ID numbers, complainants' names) unmasked.
struct PersonalDataOptions: ParsableArguments {
    @Flag(
        name: .customLong("show-personal-data"),
        help: """
            Show phone numbers, ID numbers and complainants' names unmasked. Complainants are whistle-blowers: use \
            this only where your role allows it.
            """)
    var reveal = false
}
