import ArgumentParser
import Foundation
import LearnerWorkspace
import Study

/// `workbook reset <exercise>`: the untouched stub back, the learner's version kept.
struct ResetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reset",
    abstract: "Put an exercise back to its stub, keeping your version as a backup.",
    discussion:
      "Your file is copied to .workbook/backups/<Name>-<timestamp>.swift first (never over an existing backup), then the stub is written in its place. The stub comes from .workbook/pristine/<Topic>/<Name>.swift when it exists, else from git's HEAD."
  )

  @Argument(help: "The exercise to reset.")
  var exercise: String

  func run() throws {
    var context = try CourseContext.load(warningOfMissingExercises: false)
    let target = try context.exercise(exercise)
    let outcome = try ExerciseReset(workspace: context.workspace).reset(
      target, progress: &context.progress)
    try context.saveProgress()
    if let backup = outcome.backup {
      print("Kept your version of \(target.name) as \(relative(backup, to: context.workspace)).")
    }
    if outcome.wroteStub {
      print("Restored the stub of \(target.file) from \(outcome.source).")
    } else {
      print("\(target.file) is the stub already (from \(outcome.source)); nothing to back up.")
    }
  }

  /// `url` relative to the workbook when inside it, else absolute.
  private func relative(_ url: URL, to workspace: Workspace) -> String {
    let root = workspace.root.standardizedFileURL.path + "/"
    let path = url.standardizedFileURL.path
    return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
  }
}
