import Foundation
import XCTest

@testable import LearnerWorkspace

/// The learner's state never blocks and never loses anything: damaged progress files are
/// classified, concurrent updates merge, and stale temporary files are recognised.
final class ProgressStateTests: XCTestCase {
  private let early = Date(timeIntervalSince1970: 1_000)
  private let late = Date(timeIntervalSince1970: 2_000)

  private func verdict(_ passed: Bool, at date: Date) -> LearnerProgress.Verdict {
    LearnerProgress.Verdict(
      passed: passed, checksPassed: passed ? 3 : 1, checksTotal: 3, checkedAt: date)
  }

  private func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "progress-state-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    return folder
  }
}

// MARK: - Classifying the file

extension ProgressStateTests {
  func testEmptyBlankAndEmptyObjectAreAFreshStart() {
    for text in ["", "  \n\t", "{}", "{ }\n"] {
      XCTAssertEqual(
        ProgressFileState.classify(Data(text.utf8)), .fresh, "\(text.debugDescription)")
    }
  }

  func testGarbageIsDamagedAsNotJSON() {
    for text in ["garbage", "{\"exercises\": ", "\u{0}\u{1}\u{2}"] {
      XCTAssertEqual(ProgressFileState.classify(Data(text.utf8)), .damaged("not JSON"), text)
    }
    XCTAssertEqual(ProgressFileState.classify(Data([0xFF, 0xFE, 0x00])), .damaged("not JSON"))
  }

  func testJSONOfTheWrongShapeIsDamaged() {
    for text in ["[1, 2]", "42", "{\"hintsShown\": {\"A\": \"three\"}}", "{\"exercises\": []}"] {
      XCTAssertEqual(
        ProgressFileState.classify(Data(text.utf8)), .damaged("JSON, but not progress"), text)
    }
  }

  func testAFileWithSomeTablesMissingStillReads() {
    let state = ProgressFileState.classify(Data("{\"hintsShown\": {\"IntegerDecoding\": 2}}".utf8))
    var expected = LearnerProgress()
    expected.hintsShown["IntegerDecoding"] = 2
    XCTAssertEqual(state, .progress(expected))
  }

  func testAFolderAndADanglingLinkAreDamaged() throws {
    let folder = try temporaryFolder()
    let workspace = Workspace(root: folder)
    let file = ProgressFile(workspace: workspace)
    XCTAssertEqual(file.state(), .fresh)
    try AtomicFile.write(Data(), to: file.url)
    XCTAssertEqual(file.state(), .fresh)
    try FileManager.default.removeItem(at: file.url)
    try FileManager.default.createDirectory(at: file.url, withIntermediateDirectories: true)
    XCTAssertEqual(file.state(), .damaged("a folder, not a file"))
    try FileManager.default.removeItem(at: file.url)
    try FileManager.default.createSymbolicLink(
      atPath: file.url.path, withDestinationPath: folder.appendingPathComponent("gone").path)
    XCTAssertEqual(file.state(), .damaged("a link to a missing file"))
  }

  func testLoadingADamagedFileMovesItAsideAndNamesTheNewName() throws {
    let folder = try temporaryFolder()
    let workspace = Workspace(root: folder)
    let file = ProgressFile(workspace: workspace)
    try AtomicFile.write(Data("garbage".utf8), to: file.url)
    var warnings: [String] = []
    let progress = try file.load { warnings.append($0) }
    XCTAssertEqual(progress, LearnerProgress())
    XCTAssertEqual(warnings.count, 1)
    let kept = try FileManager.default.contentsOfDirectory(
      atPath: file.url.deletingLastPathComponent().path
    )
    .filter { $0.hasPrefix("progress.json.damaged-") }
    XCTAssertEqual(kept.count, 1)
    XCTAssertTrue(warnings[0].contains(".workbook/\(kept[0])"), warnings[0])
    XCTAssertTrue(
      warnings[0].hasPrefix(".workbook/progress.json was damaged (not JSON)"), warnings[0])
    let moved = file.url.deletingLastPathComponent().appendingPathComponent(kept[0])
    XCTAssertEqual(FileManager.default.contents(atPath: moved.path), Data("garbage".utf8))
    XCTAssertFalse(FileManager.default.fileExists(atPath: file.url.path))
  }
}

// MARK: - Merging concurrent updates

extension ProgressStateTests {
  func testMergeKeepsWhatEachSideRecorded() {
    let base = LearnerProgress()
    var mine = base
    mine.exercises["FloatDecoding"] = verdict(true, at: late)
    var theirs = base
    theirs.hintsShown["IntegerDecoding"] = 2
    theirs.quizBoxes["NumberFormats#1"] = 3
    let merged = mine.merged(into: theirs, base: base)
    XCTAssertEqual(merged.exercises["FloatDecoding"], verdict(true, at: late))
    XCTAssertEqual(merged.hintsShown, ["IntegerDecoding": 2])
    XCTAssertEqual(merged.quizBoxes, ["NumberFormats#1": 3])
  }

  func testMergeKeepsTheNewerOfTwoVerdicts() {
    let base = LearnerProgress()
    var mine = base
    mine.exercises["E4M3Rules"] = verdict(false, at: early)
    var theirs = base
    theirs.exercises["E4M3Rules"] = verdict(true, at: late)
    XCTAssertEqual(
      mine.merged(into: theirs, base: base).exercises["E4M3Rules"], verdict(true, at: late))
    XCTAssertEqual(
      theirs.merged(into: mine, base: base).exercises["E4M3Rules"], verdict(true, at: late))
  }

  func testMergeLeavesEntriesThisSideDidNotChange() {
    var base = LearnerProgress()
    base.hintsShown["IntegerDecoding"] = 1
    base.exercises["FloatEncoding"] = verdict(false, at: early)
    var theirs = base
    theirs.hintsShown["IntegerDecoding"] = 3
    theirs.exercises["FloatEncoding"] = verdict(true, at: late)
    let mine = base
    XCTAssertEqual(mine.merged(into: theirs, base: base), theirs)
  }

  func testMergeKeepsARemovalUnlessTheOtherSideIsNewer() {
    var base = LearnerProgress()
    base.exercises["IntegerDecoding"] = verdict(true, at: early)
    base.exercises["FloatDecoding"] = verdict(true, at: early)
    var mine = base
    mine.exercises["IntegerDecoding"] = nil
    mine.exercises["FloatDecoding"] = nil
    var theirs = base
    theirs.exercises["FloatDecoding"] = verdict(false, at: late)
    let merged = mine.merged(into: theirs, base: base)
    XCTAssertNil(merged.exercises["IntegerDecoding"])
    XCTAssertEqual(merged.exercises["FloatDecoding"], verdict(false, at: late))
  }

  func testUpdatesUnderTheLockDoNotLoseEachOther() throws {
    let folder = try temporaryFolder()
    let workspace = Workspace(root: folder)
    let group = DispatchGroup()
    for index in 0..<20 {
      group.enter()
      DispatchQueue.global().async {
        defer { group.leave() }
        try? LearnerProgress.update(in: workspace) { $0.quizBoxes["Q#\(index)"] = 2 }
      }
    }
    group.wait()
    let progress = try LearnerProgress.load(from: workspace) { XCTFail($0) }
    XCTAssertEqual(progress.quizBoxes.count, 20)
  }
}

// MARK: - Temporary files

extension ProgressStateTests {
  func testOnlyAtomicFileNamesAreTemporaries() {
    XCTAssertEqual(AtomicFile.writer(ofTemporary: ".progress.json.4242.tmp"), 4242)
    XCTAssertEqual(AtomicFile.writer(ofTemporary: ".IntegerDecoding.swift.7.tmp"), 7)
    for name in [
      "progress.json.4242.tmp", ".progress.json.tmp", ".progress.json.42a.tmp", "notes.tmp",
      ".4242.tmp", ".progress.json.4242.tmp.swift", ".x.-3.tmp",
    ] {
      XCTAssertNil(AtomicFile.writer(ofTemporary: name), name)
    }
  }

  func testStaleTemporariesAreRemovedAndLiveOnesKept() throws {
    let folder = try temporaryFolder()
    // A pid above the kernel's pid_max (4194304 at most) belongs to no process.
    let stale = ".progress.json.99999999.tmp"
    let live = ".progress.json.\(getpid()).tmp"
    let mine = "my.notes.12.tmp"
    for name in [stale, live, mine] {
      XCTAssertTrue(
        FileManager.default.createFile(
          atPath: folder.appendingPathComponent(name).path, contents: Data()))
    }
    XCTAssertEqual(AtomicFile.removeStaleTemporaries(in: folder), [stale])
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
      [live, mine].sorted())
  }
}
