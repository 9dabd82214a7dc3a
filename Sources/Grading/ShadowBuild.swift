import Foundation
import LearnerWorkspace

/// Builds a topic's check executable with some of the student's files swapped for their
/// pristine stubs, so a compile error in one exercise does not stop the others from being
/// graded. The learner's files are never touched: the swap happens in a shadow package under
/// `.build/workbook-shadow`, whose other folders link back to the workbook.
struct ShadowBuild {
  let workspace: Workspace

  var folder: URL { workspace.url(".build/workbook-shadow") }

  /// Builds `<topic>Check` with `broken` (paths relative to the workbook) replaced by their
  /// stubs; nil when a stub cannot be found or the shadow does not build either.
  func build(topic: String, replacing broken: Set<String>) -> URL? {
    do {
      try prepare(topic: topic, replacing: broken)
    } catch {
      return nil
    }
    let product = topic + "Check"
    let result = runCommand(
      ["swift", "build", "--product", product], in: folder, environment: swiftBuildEnvironment())
    let executable = folder.appendingPathComponent(".build/debug/\(product)")
    return result.status == 0 && FileManager.default.isExecutableFile(atPath: executable.path)
      ? executable : nil
  }

  /// Lays out the shadow package: links to everything but the topic's exercises, which are
  /// copied (only when changed, so SwiftPM rebuilds as little as possible).
  private func prepare(topic: String, replacing broken: Set<String>) throws {
    let manager = FileManager.default
    try manager.createDirectory(
      at: folder.appendingPathComponent("Exercises"), withIntermediateDirectories: true)
    try copyIfChanged(
      workspace.url("Package.swift"), to: folder.appendingPathComponent("Package.swift"))
    for name in ["Sources", "Tests", "Lessons", "Solutions", "Fuzz"] {
      try link(folder.appendingPathComponent(name), to: workspace.url(name))
    }
    let exercises = workspace.url("Exercises")
    for other in try manager.contentsOfDirectory(atPath: exercises.path) where other != topic {
      try link(
        folder.appendingPathComponent("Exercises/\(other)"),
        to: exercises.appendingPathComponent(other))
    }
    let target = folder.appendingPathComponent("Exercises/\(topic)")
    if (try? manager.destinationOfSymbolicLink(atPath: target.path)) != nil {
      try manager.removeItem(at: target)
    }
    try manager.createDirectory(at: target, withIntermediateDirectories: true)
    // A deleted exercise file is in `broken` but not in the folder: its stub goes in too.
    let present = try manager.contentsOfDirectory(
      atPath: exercises.appendingPathComponent(topic).path)
    let deleted = broken.filter { $0.hasPrefix("Exercises/\(topic)/") }.map {
      URL(fileURLWithPath: $0).lastPathComponent
    }
    for file in Set(present).union(deleted).sorted() {
      let relative = "Exercises/\(topic)/\(file)"
      let destination = target.appendingPathComponent(file)
      if broken.contains(relative) {
        guard let stub = PristineStub.text(of: relative, in: workspace) else {
          throw WorkbookError("no pristine stub for \(relative)")
        }
        try writeIfChanged(Data(stub.utf8), to: destination)
      } else {
        try copyIfChanged(exercises.appendingPathComponent("\(topic)/\(file)"), to: destination)
      }
    }
  }

  private func link(_ path: URL, to destination: URL) throws {
    let manager = FileManager.default
    guard manager.fileExists(atPath: destination.path) else { return }
    if (try? manager.destinationOfSymbolicLink(atPath: path.path)) == destination.path { return }
    try? manager.removeItem(at: path)
    try manager.createSymbolicLink(at: path, withDestinationURL: destination)
  }

  private func copyIfChanged(_ source: URL, to destination: URL) throws {
    guard let data = FileManager.default.contents(atPath: source.path) else { return }
    try writeIfChanged(data, to: destination)
  }

  private func writeIfChanged(_ data: Data, to destination: URL) throws {
    if FileManager.default.contents(atPath: destination.path) == data { return }
    // A scratch copy, made again by the next check: not worth a flush to disk.
    try AtomicFile.write(data, to: destination, durable: false)
  }
}

/// The untouched stub of an exercise file: the copy a student edition keeps in
/// `.workbook/pristine/`, else the repository's last commit (the same sources `workbook reset`
/// uses).
enum PristineStub {
  /// The stub's text, or nil when neither source has it.
  static func text(of relative: String, in workspace: Workspace) -> String? {
    let inside =
      relative.hasPrefix("Exercises/") ? String(relative.dropFirst("Exercises/".count)) : relative
    let kept = workspace.stateFolder.appendingPathComponent("pristine/\(inside)")
    if let data = FileManager.default.contents(atPath: kept.path) {
      return String(decoding: data, as: UTF8.self)
    }
    let result = runCommand(["git", "show", "HEAD:\(relative)"], in: workspace.root)
    return result.status == 0 ? result.output : nil
  }
}
