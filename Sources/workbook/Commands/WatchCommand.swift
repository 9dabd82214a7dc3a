import ArgumentParser
import Foundation
import LearnerWorkspace
import Study

/// `workbook watch [<exercise>]`: checks the current exercise every time it is saved.
struct WatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract: "Check the current exercise each time you save it; keys for hints and more.",
    discussion:
      "In a terminal the watch takes the whole screen (the terminal is given back on q or Ctrl-C) and keys work while a check runs: q stops the check and quits, and saving again restarts it. Keys: h hint, n next exercise, r reset to the stub (your version is kept as a backup), l list, c check now, q quit. When standard input or output is not a terminal, output is a plain log, keys are read one per line, and the watch ends at the end of input, after the check that is running."
  )

  @Argument(help: "The exercise to start with (default: the first one not done).")
  var exercise: String?

  @OptionGroup var limit: TimeoutOption

  @Flag(help: "Look for saves every 0.3 s instead of using inotify.")
  var poll = false

  func run() throws {
    let context = try CourseContext.load()
    let start = try exercise.map { try context.exercise($0) }
    let style = Terminal.style
    let keysLine = WatchSession.keysLine(style: style)
    let signals = WatchSignals.install()
    let terminal = FullScreenTerminal.enter()
    defer { terminal?.restore() }
    let output: WatchOutput
    if terminal != nil {
      output = WatchFullScreen(
        keysLine: keysLine, dim: style.dim, size: { FullScreenTerminal.size },
        write: { frame in
          print(frame, terminator: "")
          fflush(stdout)
        })
    } else {
      output = WatchLog(width: Terminal.width, keysLine: keysLine) { line in
        print(line)
        fflush(stdout)
      }
    }
    let session = try WatchSession(
      workspace: context.workspace, course: context.course, start: start, timeout: limit.timeout,
      style: style, output: output, forcePolling: poll)
    var keys = KeyReader(lineMode: terminal == nil)
    let ending = try session.run(keys: &keys, signals: signals)
    terminal?.restore()
    if terminal != nil { print("Stopped watching.") }
    if case .signal(let number) = ending { throw ExitCode(128 + number) }
  }
}
