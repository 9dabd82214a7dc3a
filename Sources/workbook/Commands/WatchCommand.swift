import ArgumentParser
import Foundation
import WorkbookKit

/// `workbook watch [<exercise>]`: checks the current exercise every time it is saved.
struct WatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract: "Check the current exercise each time you save it; keys for hints and more.",
    discussion:
      "Keys: h hint, n next exercise, r reset to the stub (your version is kept as a backup), l list, c check now, q quit. When standard input is not a terminal, keys are read one per line and the watch ends at the end of input."
  )

  @Argument(help: "The exercise to start with (default: the first one not done).")
  var exercise: String?

  @Option(help: "Seconds each exercise may run before it counts as hung.")
  var timeout: Double = 30

  @Flag(help: "Look for saves every 0.3 s instead of using inotify.")
  var poll = false

  func validate() throws {
    guard timeout > 0, timeout <= 3600 else {
      throw ValidationError("--timeout must be between 0 and 3600 seconds")
    }
  }

  func run() throws {
    let context = try CourseContext.load()
    let start = try exercise.map { try context.exercise($0) }
    let session = try WatchSession(
      workspace: context.workspace, course: context.course, start: start, timeout: timeout,
      style: Terminal.style, width: Terminal.width, clearsScreen: Terminal.isInteractive,
      forcePolling: poll
    ) { line in
      print(line)
      fflush(stdout)
    }
    let terminal = RawTerminal.enter()
    defer { terminal?.restore() }
    var keys = KeyReader(lineMode: terminal == nil)
    try session.run(keys: &keys)
  }
}
