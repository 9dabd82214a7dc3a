import Foundation
import LearnerWorkspace

/// A copy of the workbook that submissions are graded in, kept in step with the workbook.
///
/// Like a student edition it has no Solutions/ and its manifest says `edition = "student"`;
/// unlike one, it keeps `Fuzz/` (the manifest names a target there) and `Package.resolved` (so
/// no network is needed). `sync` makes every file equal to the workbook's, except the overrides
/// (the student's exercise files), and writes only the files that differ: SwiftPM then rebuilds
/// only what changed since the previous submission graded in the same copy.
public struct GradingCopy: Sendable {
  /// The workbook.
  public let source: URL
  /// The copy.
  public let folder: URL
  /// Folders of the workbook never copied (the output or work folders, when inside it).
  public let skipped: [URL]

  /// Top-level entries never copied.
  static let excludedTopLevel: Set<String> = [
    "Solutions", ".git", ".workbook", ".swiftpm", "Benchmarks",
  ]

  /// Creates a copy of `source` at `folder`.
  public init(source: URL, folder: URL, skipped: [URL] = []) {
    self.source = source.standardizedFileURL
    self.folder = folder.standardizedFileURL
    self.skipped = skipped.map(\.standardizedFileURL)
  }

  /// Whether a path relative to the workbook belongs in the copy.
  func includes(_ relative: String) -> Bool {
    guard let first = relative.split(separator: "/").first.map(String.init) else { return false }
    if Self.excludedTopLevel.contains(first) || first.hasPrefix(".build") { return false }
    let path = source.path + "/" + relative
    return !skipped.contains { path == $0.path || path.hasPrefix($0.path + "/") }
  }

  /// The workbook's files that belong in the copy, relative to it, sorted.
  func sourceFiles() throws -> [String] {
    let manager = FileManager.default
    guard let walker = manager.enumerator(at: source, includingPropertiesForKeys: [.isDirectoryKey])
    else { throw WorkbookError("cannot read \(source.path)") }
    var files: [String] = []
    for case let url as URL in walker {
      let relative = String(url.standardizedFileURL.path.dropFirst(source.path.count + 1))
      guard includes(relative) else {
        walker.skipDescendants()
        continue
      }
      if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true {
        files.append(relative)
      }
    }
    return files.sorted()
  }

  /// What `relative` must hold in the copy: the workbook's bytes, with the manifest marked as a
  /// student edition.
  func wanted(_ relative: String) throws -> Data {
    let data = try Data(contentsOf: source.appendingPathComponent(relative))
    guard relative == "Package.swift" else { return data }
    let text = String(decoding: data, as: UTF8.self)
    return Data(
      text.replacingOccurrences(of: "let edition = \"full\"", with: "let edition = \"student\"")
        .utf8)
  }

  /// Makes the copy equal to the workbook, with `overrides` (relative path → content) in place
  /// of the workbook's files; removes files the workbook does not have (builds aside). Returns
  /// the paths written.
  @discardableResult
  public func sync(overrides: [String: Data] = [:]) throws -> [String] {
    let manager = FileManager.default
    try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    let files = try sourceFiles()
    var written: [String] = []
    for relative in files {
      let data = try overrides[relative] ?? wanted(relative)
      if try write(data, to: relative) { written.append(relative) }
    }
    for (relative, data) in overrides where !files.contains(relative) {
      if try write(data, to: relative) { written.append(relative) }
    }
    try removeStrays(keeping: Set(files).union(overrides.keys))
    return written
  }

  /// Writes `data` at `relative` unless the copy already holds exactly that; true if written.
  func write(_ data: Data, to relative: String) throws -> Bool {
    let target = folder.appendingPathComponent(relative)
    if FileManager.default.contents(atPath: target.path) == data,
      (try? FileManager.default.destinationOfSymbolicLink(atPath: target.path)) == nil
    {
      return false
    }
    try AtomicFile.write(data, to: target)
    return true
  }

  /// Removes files of the copy that are neither the workbook's nor overrides, leaving builds.
  func removeStrays(keeping: Set<String>) throws {
    let manager = FileManager.default
    guard let walker = manager.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey])
    else { return }
    var strays: [URL] = []
    for case let url as URL in walker {
      let relative = String(url.standardizedFileURL.path.dropFirst(folder.path.count + 1))
      if relative.hasPrefix(".build") || relative.hasPrefix(".swiftpm")
        || relative == "Package.resolved"
      {
        walker.skipDescendants()
        continue
      }
      let isFolder = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true
      if !isFolder && !keeping.contains(relative) { strays.append(url) }
    }
    for url in strays { try manager.removeItem(at: url) }
  }
}
