/// The length of the periods a timeline or a trajectory is cut into: calendar years, quarters or months.
public enum PeriodUnit: String, CaseIterable, Codable, Sendable {
    /// Calendar years (`2023`).
    case year
    /// Calendar quarters (`2023-Q2` is April–June 2023).
    case quarter
    /// Calendar months (`2023-04`).
    case month

    /// The number of months in one period.
    public var months: Int {
        switch self {
        case .year: 12
        case .quarter: 3
        case .month: 1
        }
    }

    /// The period a date falls in, or `nil` when the date is known less precisely than the unit (a date known only
    /// to its year cannot be placed in a quarter or a month; a month is placed in its quarter).
    public func period(containing date: PartialDate) -> Period? {
        if self == .year { return Period(unit: self, index: date.year) }
        guard let month = date.month else { return nil }
        return Period(unit: self, index: (date.year * 12 + month - 1) / months)
    }

    /// The period holding the given day number (days since 0001-01-01).
    func period(containingDay day: Int) -> Period {
        // A day number within 0001–9999 always names a day; windows are made of such dates.
        return period(containing: try! PartialDate(dayNumber: day))!
    }
}

/// One calendar period: a year, a quarter or a month.
///
/// Periods of one unit are numbered consecutively (``index``), so that the periods between two are known without a
/// calendar: year `y` is index `y`, quarter `q` (1–4) of year `y` is `4y + q − 1`, month `m` is `12y + m − 1`.
public struct Period: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The unit.
    public var unit: PeriodUnit
    /// The consecutive number of the period within its unit.
    public var index: Int

    /// Creates period number `index` of a unit.
    public init(unit: PeriodUnit, index: Int) {
        self.unit = unit
        self.index = index
    }

    /// The period's month numbers `12 · year + month − 1`, first and last.
    private var monthRange: (first: Int, last: Int) {
        let first = unit == .year ? index * 12 : index * unit.months
        return (first, first + unit.months - 1)
    }

    /// The first date of the period, as precise as the unit (`2023`, `2023-04`).
    public var start: PartialDate {
        unit == .year ? try! PartialDate(year: index) : PartialDate(monthNumber: monthRange.first)
    }

    /// The last date of the period, as precise as the unit (`2023`, `2023-06` for the second quarter).
    public var end: PartialDate {
        unit == .year ? try! PartialDate(year: index) : PartialDate(monthNumber: monthRange.last)
    }

    /// `2023`, `2023-Q2` or `2023-04`.
    public var label: String {
        switch unit {
        case .year: return PartialDate.pad(index, 4)
        case .quarter: return PartialDate.pad(index / 4, 4) + "-Q" + String(index % 4 + 1)
        case .month: return PartialDate(monthNumber: index).description
        }
    }

    public var description: String { label }

    /// The period `offset` periods later (earlier when negative).
    public func advanced(by offset: Int) -> Period { Period(unit: unit, index: index + offset) }

    /// The window of `months` months that ends with this period's last month, as a span of months (of years when
    /// it is whole years ending with a year).
    func window(months: Int) -> DateSpan {
        let last = monthRange.last
        let first = last - months + 1
        if unit == .year && months % 12 == 0 {
            return try! DateSpan(start: PartialDate(year: first / 12), end: PartialDate(year: last / 12))
        }
        return try! DateSpan(start: PartialDate(monthNumber: first), end: PartialDate(monthNumber: last))
    }

    public static func < (lhs: Period, rhs: Period) -> Bool { lhs.index < rhs.index }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(label)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if text.count == 7, text.dropFirst(4).hasPrefix("-Q"), let year = Int(text.prefix(4)), let quarter = Int(text.suffix(1)),
           (1...4).contains(quarter) {
            self.init(unit: .quarter, index: year * 4 + quarter - 1)
            return
        }
        let date = try PartialDate(parsing: text)
        self.init(unit: date.month == nil ? .year : .month, index: date.month.map { date.year * 12 + $0 - 1 } ?? date.year)
    }
}

/// The length of a sliding window: each slice of a trajectory covers this many months ending with its period.
public struct PeriodWindow: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The window's length in months.
    public var months: Int

    /// A window of `months` months.
    public init(months: Int) { self.months = months }

    /// A window of `count` periods of a unit (`2` years, `6` months).
    public init(_ count: Int, _ unit: PeriodUnit) { months = count * unit.months }

    /// `2y` for whole years, else months (`18m`, `6m`).
    public var description: String {
        months % 12 == 0 ? "\(months / 12)y" : "\(months)m"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = PeriodWindow(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a window such as 2y, 3q or 18m"))
        }
        self = parsed
    }

    /// Parses `Ny`, `Nq` or `Nm` (N ≥ 1); `nil` for anything else.
    public init?(parsing text: String) {
        guard let unitLetter = text.last, let count = Int(text.dropLast()), count >= 1, text.first?.isNumber == true else { return nil }
        switch unitLetter {
        case "y": self.init(count, .year)
        case "q": self.init(count, .quarter)
        case "m": self.init(count, .month)
        default: return nil
        }
    }
}

extension PartialDate {
    /// The month numbered `12 · year + month − 1`.
    init(monthNumber: Int) {
        self = try! PartialDate(year: monthNumber / 12, month: monthNumber % 12 + 1)
    }

}
