import Foundation
import XCTest

extension XCTestCase {
  /// A one-lesson workbook in a new temporary folder named `prefix-<UUID>`: `Lessons/Course.md`
  /// lists the lesson Demo (not written yet) and `Exercises/Demo` is empty. Removed, with all
  /// it holds, when the test ends.
  func demoWorkbook(_ prefix: String) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(prefix)-\(UUID().uuidString)")
    addTeardownBlock { try? FileManager.default.removeItem(at: root) }
    for folder in ["Lessons", "Exercises/Demo"] {
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    try "# Demo course\n\nIntro.\n\n1. [Demo](Demo.md): a lesson.\n".write(
      to: root.appendingPathComponent("Lessons/Course.md"), atomically: true, encoding: .utf8)
    return root
  }
}
