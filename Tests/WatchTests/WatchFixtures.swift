import Foundation
import Pipeline
import TestSupport
import Watch

/// The repository's lexicons, loaded once for every test of this target.
let lexicons: LexiconSet = {
    do { return try LexiconSet(directory: repositoryRoot + "/Lexicons") } catch { fatalError("\(error)") }
}()

/// A high-risk report: violence, spreading online.
let beatingText = "执法人员把司机打伤住院，视频在抖音上传疯了"
/// A low-risk in-scope report (乱罚款, 临泉县).
let finesText = "临泉县治超站执法人员乱罚款，罚了200元不开收据，司机们敢怒不敢言"
/// Other low-risk in-scope reports about other incidents.
let otherTexts = [
    "太和县运管所执法人员随意拦车扣车，每次都要罚款两百块，也不给开票据",
    "阜南县交通执法大队的人说这个月任务还没完成，见车就罚",
    "我想问一下5路公交车什么时候恢复运营",
]

/// The n-th repost of a text: a comment before it or after it, an exclamation, an emoji. None says 扩散 (spread it),
/// which the risk lexicon rightly takes as spreading online: high risk.
func repost(_ text: String, _ index: Int) -> String {
    let prefixes = ["", "转发：", "大家看看 ", "转：", "@交通局 ", "//@路人甲: 真的假的 "]
    let suffixes = ["", "！！", " 太过分了", "😡", "…", " 有没有人管管"]
    return index % 2 == 0 ? prefixes[index / 2 % prefixes.count] + text : text + suffixes[index / 2 % suffixes.count]
}

/// Analyses a text into a watched item (one analyzer per call: analyzers are not shared between tests).
func item(_ text: String, id: String? = nil, channel: String? = "weibo") throws -> WatchedItem {
    WatchedItem(input: ClueInput(id: id, text: text, channel: channel), analyzer: try Analyzer(lexicons: lexicons))
}

/// Analyses texts with one analyzer.
func items(_ texts: [String]) throws -> [WatchedItem] {
    let analyzer = try Analyzer(lexicons: lexicons)
    return texts.enumerated().map { index, text in
        WatchedItem(input: ClueInput(id: "p\(index + 1)", text: text, channel: "weibo"), analyzer: analyzer)
    }
}

/// Appends text to a file (created when missing).
func append(_ text: String, to path: String) throws {
    if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
}

/// A clue as a JSON line (with the newline).
func jsonLine(id: String, text: String, channel: String = "weibo") -> String {
    let data = try! JSONSerialization.data(withJSONObject: ["id": id, "text": text, "channel": channel])
    return String(decoding: data, as: UTF8.self) + "\n"
}
