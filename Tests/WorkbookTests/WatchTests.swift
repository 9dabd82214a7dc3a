import Foundation
import XCTest

@testable import Study

/// The pieces of `workbook watch` that need no build: debouncing, the file watcher (inotify
/// and polling) and the key reader.
final class WatchTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("watch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("stub\n".utf8).write(to: folder.appendingPathComponent("Exercise.swift"))
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: folder)
  }

  func testDebouncerHandsOverOnceTheSavesSettle() {
    var debouncer = WatchDebouncer(delay: 0.1)
    let a = URL(fileURLWithPath: "/w/A.swift")
    let b = URL(fileURLWithPath: "/w/B.swift")
    XCTAssertNil(debouncer.millisecondsLeft(at: 0), "nothing pending: poll() may block")
    debouncer.note([a], at: 10.0)
    XCTAssertEqual(debouncer.millisecondsLeft(at: 10.0), 100)
    XCTAssertNil(debouncer.take(at: 10.05), "too early")
    debouncer.note([b, a], at: 10.08)
    XCTAssertNil(debouncer.take(at: 10.15), "a second event pushes the deadline back")
    XCTAssertEqual(debouncer.millisecondsLeft(at: 10.15), 30)
    XCTAssertEqual(debouncer.take(at: 10.18), [a, b], "each file once, in the order first seen")
    XCTAssertNil(debouncer.take(at: 11), "handed over once")
    XCTAssertNil(debouncer.deadline)
    debouncer.note([], at: 12)
    XCTAssertNil(debouncer.deadline, "no change, no deadline")
  }

  func testInotifySeesARenameSaveAndWakesPoll() throws {
    let watcher = FileWatcher(folders: [folder])
    XCTAssertEqual(watcher.mechanism, .inotify)
    let descriptor = try XCTUnwrap(watcher.descriptor)
    XCTAssertEqual(watcher.changes(), [], "no event yet")
    try renameSave("solved\n", as: "Exercise.swift")
    var waiting = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
    XCTAssertEqual(poll(&waiting, 1, 2000), 1, "poll() wakes up for the save")
    XCTAssertEqual(watcher.changes().map(\.lastPathComponent), ["Exercise.swift"])
    XCTAssertEqual(watcher.changes(), [], "events are read once")
  }

  func testInotifySeesAnInPlaceWriteAndANewFile() throws {
    let watcher = FileWatcher(folders: [folder])
    let handle = try FileHandle(forWritingTo: folder.appendingPathComponent("Exercise.swift"))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("// more\n".utf8))
    try handle.close()
    try Data().write(to: folder.appendingPathComponent("Other.swift"))
    usleep(50_000)
    XCTAssertEqual(
      watcher.changes().map(\.lastPathComponent).sorted(), ["Exercise.swift", "Other.swift"])
  }

  func testPollingFallbackSeesARenameSaveAndAWrite() throws {
    let watcher = FileWatcher(folders: [folder], forcePolling: true)
    XCTAssertEqual(watcher.mechanism, .polling)
    XCTAssertNil(watcher.descriptor)
    XCTAssertEqual(watcher.changes(), [], "the first snapshot is the baseline")
    try renameSave("solved\n", as: "Exercise.swift")
    XCTAssertEqual(watcher.changes().map(\.lastPathComponent), ["Exercise.swift"])
    XCTAssertEqual(watcher.changes(), [], "nothing new since")
    try Data("solved, longer\n".utf8).write(
      to: folder.appendingPathComponent("Exercise.swift"), options: [])
    XCTAssertEqual(watcher.changes().map(\.lastPathComponent), ["Exercise.swift"])
  }

  func testEditorsTemporaryFilesAndOtherSuffixesDoNotCount() throws {
    for forcePolling in [false, true] {
      let watcher = FileWatcher(folders: [folder], forcePolling: forcePolling)
      try Data("x".utf8).write(to: folder.appendingPathComponent(".Exercise.swift.swp"))
      try Data("x".utf8).write(to: folder.appendingPathComponent("notes.txt"))
      try Data("x".utf8).write(to: folder.appendingPathComponent("Exercise.swift~"))
      usleep(50_000)
      XCTAssertEqual(watcher.changes(), [], "forcePolling: \(forcePolling)")
      XCTAssertFalse(watcher.counts(".Exercise.swift.123.tmp"))
      XCTAssertTrue(watcher.counts("Exercise.swift"))
    }
  }

  func testKeyReaderTakesOneKeyPerLineFromAPipeAndEndsAtEndOfInput() throws {
    let pipe = Pipe()
    var reader = KeyReader(descriptor: pipe.fileHandleForReading.fileDescriptor, lineMode: true)
    pipe.fileHandleForWriting.write(Data("h\n\n  next\nq".utf8))
    XCTAssertEqual(
      reader.read(), ["h", "n"], "blank lines are skipped; a word counts by its first letter")
    try pipe.fileHandleForWriting.close()
    XCTAssertEqual(reader.read(), ["q"], "a last line without a newline still counts")
    XCTAssertNil(reader.read(), "then the end of input")
  }

  func testKeyReaderTakesEveryByteFromARawTerminal() {
    let pipe = Pipe()
    var reader = KeyReader(descriptor: pipe.fileHandleForReading.fileDescriptor, lineMode: false)
    pipe.fileHandleForWriting.write(Data("hnq".utf8))
    XCTAssertEqual(reader.read(), ["h", "n", "q"])
  }

  func testFullScreenIsNotEnteredWithoutATerminal() throws {
    let pipe = Pipe()
    XCTAssertNil(FullScreenTerminal.enter(input: pipe.fileHandleForReading.fileDescriptor))
  }

  /// Saves as editors do: a hidden temporary file renamed over the target.
  private func renameSave(_ text: String, as name: String) throws {
    let temporary = folder.appendingPathComponent(".\(name).swp")
    try Data(text.utf8).write(to: temporary)
    XCTAssertEqual(rename(temporary.path, folder.appendingPathComponent(name).path), 0)
  }
}
