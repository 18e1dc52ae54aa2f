/// Which event codes of machine-coded event data are meetings, and who hosts in them (see ``EventData``).
///
/// ICEWS codes events with CAMEO; POLECAT with PLOVER event types and modes. Only codes that say two sides met
/// become meetings; every other code is counted as skipped, never dropped unseen.
public enum MeetingCode: Sendable, Hashable {
    /// The sides took part; the code names no host (CAMEO 040 consult, 044 meet at a third location, 046 engage in
    /// negotiation; PLOVER CONSULT without a mode, or `third-party`, `multilateral`).
    case participants
    /// The source (actor) hosts the target (recipient) (CAMEO 043 host a visit; PLOVER CONSULT `host`).
    case sourceHosts
    /// The source (actor) visits the target (recipient), which hosts (CAMEO 042 make a visit; PLOVER CONSULT `visit`).
    case targetHosts

    // MARK: CAMEO (ICEWS)

    /// The CAMEO codes that are meetings, with CAMEO's own names.
    public static let cameoMeetings: [(code: String, name: String, meaning: MeetingCode)] = [
        ("040", "Consult, not specified below", .participants),
        ("042", "Make a visit", .targetHosts),
        ("043", "Host a visit", .sourceHosts),
        ("044", "Meet at a third location", .participants),
        ("046", "Engage in negotiation", .participants),
    ]

    /// A CAMEO code as ICEWS writes it, normalised: 1 to 4 digits, a code of fewer than three digits padded with
    /// leading zeros (a spreadsheet writes 043 as 43). `nil` when the text is not a CAMEO code.
    static func normalisedCAMEO(_ text: String) -> String? {
        guard (1...4).contains(text.utf8.count), text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return text.utf8.count < 3 ? String(repeating: "0", count: 3 - text.utf8.count) + text : text
    }

    /// The meeting a normalised CAMEO code is, or `nil` for any other code.
    static func cameo(_ code: String) -> MeetingCode? {
        cameoMeetings.first { $0.code == code }?.meaning
    }

    // MARK: PLOVER (POLECAT)

    /// The PLOVER event types POLECAT uses (its `Event Type` column); only `CONSULT` is a meeting.
    public static let ploverTypes = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                                     "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]

    /// The modes of a PLOVER `CONSULT` (its `Event Mode` column), with what each is; `phone` is a call, not a meeting
    /// (`nil`), and is counted as skipped.
    public static let consultModes: [(mode: String, meaning: MeetingCode?)] = [
        ("", .participants), ("third-party", .participants), ("multilateral", .participants),
        ("host", .sourceHosts), ("visit", .targetHosts), ("phone", nil),
    ]
}
