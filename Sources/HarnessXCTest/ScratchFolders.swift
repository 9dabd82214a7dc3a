import Foundation
import XCTest

extension XCTestCase {
  /// A new folder in the temporary directory, named `prefix-<UUID>`, with `subfolders` made in
  /// it; removed, with all it holds, when the test ends.
  public func scratchFolder(_ prefix: String, subfolders: [String] = []) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for subfolder in subfolders {
      try FileManager.default.createDirectory(
        at: folder.appendingPathComponent(subfolder), withIntermediateDirectories: true)
    }
    addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    return folder
  }
}
