/// A statistics brief (统计简报) over a period: counts, the cases that need attention, the weekly trend.
///
/// The caller counts; the brief only lays the numbers out, as Markdown or as an HTML page with SVG charts.
public struct Brief: Sendable, Equatable {
    /// One labelled number.
    public struct Count: Sendable, Equatable {
        /// What is counted, for example a unit's name.
        public var label: String
        /// How many.
        public var value: Int

        /// Creates a count.
        public init(label: String, value: Int) {
            self.label = label
            self.value = value
        }
    }

    /// A case listed by name: overdue, escalated or referred.
    public struct BriefCase: Sendable, Equatable {
        /// The assignment number, if the case was assigned.
        public var number: String?
        /// The unit that handles it.
        public var unit: String
        /// Its sub-type's name.
        public var subtype: String
        /// When it is due, `yyyy-MM-dd`, if assigned.
        public var dueOn: String?
        /// Its state.
        public var state: String
        /// What was reported, already masked.
        public var summary: String

        /// Creates a listed case.
        public init(number: String?, unit: String, subtype: String, dueOn: String?, state: String, summary: String) {
            self.number = number
            self.unit = unit
            self.subtype = subtype
            self.dueOn = dueOn
            self.state = state
            self.summary = summary
        }
    }

    /// The clues and cases of one week.
    public struct WeekCount: Sendable, Equatable {
        /// The week's first day, `yyyy-MM-dd`.
        public var weekStart: String
        /// Clues received that week.
        public var clues: Int
        /// Cases opened that week.
        public var cases: Int

        /// Creates a week's counts.
        public init(weekStart: String, clues: Int, cases: Int) {
            self.weekStart = weekStart
            self.clues = clues
            self.cases = cases
        }
    }

    /// The first day of the period, `yyyy-MM-dd`.
    public var from: String
    /// The last day of the period, `yyyy-MM-dd`.
    public var to: String
    /// When the brief was made.
    public var generatedAt: String
    /// The title.
    public var title: String
    /// Cases by category (问题方面), in the order given.
    public var byCategory: [Count]
    /// Cases by sub-type.
    public var bySubtype: [Count]
    /// Cases by handling unit.
    public var byUnit: [Count]
    /// Clues by channel.
    public var byChannel: [Count]
    /// Cases by state.
    public var byState: [Count]
    /// Cases past their due date and not yet concluded.
    public var overdue: [BriefCase]
    /// Cases escalated to the city office (提级调查).
    public var escalations: [BriefCase]
    /// Cases flagged for referral to discipline inspection (移交纪检监察).
    public var referrals: [BriefCase]
    /// The weekly trend, oldest week first.
    public var weekly: [WeekCount]
    /// Clues received in the period.
    public var totalClues: Int
    /// Cases in the period.
    public var totalCases: Int

    /// Creates a brief.
    public init(
        from: String, to: String, generatedAt: String, title: String = "交通运输执法领域专项整治问题线索统计简报",
        byCategory: [Count] = [], bySubtype: [Count] = [], byUnit: [Count] = [], byChannel: [Count] = [],
        byState: [Count] = [], overdue: [BriefCase] = [], escalations: [BriefCase] = [], referrals: [BriefCase] = [],
        weekly: [WeekCount] = [], totalClues: Int, totalCases: Int
    ) {
        self.from = from
        self.to = to
        self.generatedAt = generatedAt
        self.title = title
        self.byCategory = byCategory
        self.bySubtype = bySubtype
        self.byUnit = byUnit
        self.byChannel = byChannel
        self.byState = byState
        self.overdue = overdue
        self.escalations = escalations
        self.referrals = referrals
        self.weekly = weekly
        self.totalClues = totalClues
        self.totalCases = totalCases
    }
}
