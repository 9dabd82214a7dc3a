import Course
import Foundation
import Grading
import LearnerWorkspace

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `workbook watch`: shows the exercise to work on and checks it each time a save settles.
///
/// The loop blocks in `poll()` on the keys, the watcher's descriptor, the running check's wake
/// pipe and the signal pipe, so it costs no CPU while the learner types (with inotify; polling
/// wakes every 0.3 s). A save in any topic's `Exercises/` folder is debounced, then graded on a
/// thread of its own (`WatchCheck`): the watched exercise when its topic changed, or the
/// exercise whose file was saved, which then becomes the watched one. Keys stay live while it
/// runs: `q` kills the check's processes and quits at once, and a new save cancels the check
/// and starts it again. A pass moves on to the next exercise not done. Progress is re-read
/// before each update, so `workbook hint` or `check` in another terminal is never undone.
public final class WatchSession {
  /// The workbook.
  public let workspace: Workspace
  /// Its course.
  public let course: Course
  /// Seconds an exercise may run when graded.
  public let timeout: Double
  /// The watcher over every topic's exercise folder.
  public let watcher: FileWatcher
  /// The exercise shown, nil when every exercise passes.
  public private(set) var watched: ExerciseReference?

  /// How a watch ended.
  public enum Ending: Equatable, Sendable {
    /// `q`, Ctrl-C as a key, or the end of input.
    case quit
    /// A signal such as SIGTERM; the command exits with 128 + its number.
    case signal(Int32)
  }

  private let screen: WatchScreen
  private let output: WatchOutput
  private let wake: WakePipe
  private var debouncer = WatchDebouncer()
  private var confirmingReset = false
  private var showingList = false
  private var running: WatchCheck?

  /// Creates a session starting at `start` (default: the first exercise not done), showing
  /// everything on `output`.
  public init(
    workspace: Workspace, course: Course, start: ExerciseReference?, timeout: Double,
    style: TerminalStyle, output: WatchOutput, forcePolling: Bool = false
  ) throws {
    self.workspace = workspace
    self.course = course
    self.timeout = timeout
    self.output = output
    wake = try WakePipe()
    screen = WatchScreen(workspace: workspace, course: course, style: style)
    let topics = course.lessons.filter { !$0.exercises.isEmpty }.map(\.name)
    watcher = FileWatcher(
      folders: topics.map { workspace.url("Exercises/\($0)") }, forcePolling: forcePolling)
    watched = try start ?? LearnerProgress.load(from: workspace).current(in: course)
  }

  deinit {
    close(wake.readEnd)
    close(wake.writeEnd)
  }

  /// The keys line, for outputs that show it on its own.
  public static func keysLine(style: TerminalStyle) -> String {
    WatchScreen.keys(style: style)
  }

  /// Runs until `q`, Ctrl-C, a terminating signal read from `signals`, or the end of input
  /// (after the running check, if any, has finished).
  public func run(keys: inout KeyReader, signals: Int32? = nil) throws -> Ending {
    // Orphaned compilers of a cancelled build are then adopted here, to be killed and reaped.
    ProcessTree.becomeSubreaper()
    show(watched, progress: try LearnerProgress.load(from: workspace))
    if watcher.mechanism == .polling {
      output.append([screen.style.dim("(inotify unavailable: looking for saves every 0.3 s)")])
    }
    var inputOpen = true
    while true {
      var descriptors = [
        pollfd(fd: inputOpen ? keys.descriptor : -1, events: Int16(POLLIN), revents: 0),
        pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0),
        pollfd(fd: signals ?? -1, events: Int16(POLLIN), revents: 0),
        pollfd(fd: watcher.descriptor ?? -1, events: Int16(POLLIN), revents: 0),
      ]
      if poll(&descriptors, nfds_t(descriptors.count), waitTime()) < 0 && errno != EINTR {
        throw WorkbookError("cannot wait for input: \(String(cString: strerror(errno)))")
      }
      if let signals, descriptors[2].revents != 0 {
        for number in WatchSignals.received(on: signals) {
          if number == SIGWINCH {
            output.redraw()
          } else {
            stop()
            return .signal(number)
          }
        }
      }
      if descriptors[1].revents != 0 {
        wake.drain()
        collectVerdicts()
      }
      if descriptors[0].revents != 0 {
        if let typed = keys.read() {
          // An escape sequence (an arrow key) is not a command: drop it and what follows.
          for key in typed.prefix(while: { $0 != "\u{1B}" }) where !handle(key) {
            stop()
            return .quit
          }
        } else {
          inputOpen = false
        }
      }
      if !inputOpen && running == nil {
        output.append(["Stopped watching."])
        return .quit
      }
      debouncer.note(watcher.changes(), at: WatchDebouncer.now)
      if let saved = debouncer.take(at: WatchDebouncer.now) { checkSaves(saved) }
      if running != nil { output.tick() }
    }
  }

  /// Milliseconds `poll()` may wait: until the debouncer is due, the next look when polling,
  /// the next spinner frame while a check runs; else for ever (-1).
  private func waitTime() -> Int32 {
    var wait = debouncer.millisecondsLeft(at: WatchDebouncer.now) ?? -1
    func atMost(_ milliseconds: Int32) {
      wait = wait < 0 ? milliseconds : min(wait, milliseconds)
    }
    if watcher.mechanism == .polling { atMost(Int32(FileWatcher.pollingInterval * 1000)) }
    if running != nil { atMost(100) }
    return wait
  }

  /// Ends the watch: the running check is cancelled and its processes killed first.
  private func stop() {
    running?.cancel()
    running = nil
    output.activity(nil)
    // A full screen is about to be left; the command says goodbye on the main screen.
    if !(output is WatchFullScreen) { output.append(["Stopped watching."]) }
  }

  /// Acts on one key; false to stop.
  func handle(_ key: Character) -> Bool {
    if confirmingReset {
      confirmingReset = false
      if key == "y" || key == "Y" { resetWatched() } else { output.append(["Reset cancelled."]) }
      return true
    }
    let quits: Set<Character> = ["q", "Q", "\u{03}", "\u{04}"]
    if showingList {
      // Any key leaves the list; a command key then does what it says.
      showingList = false
      if !quits.contains(key) { showWatched() }
      if !"hHnNcCrR".contains(key) && !quits.contains(key) { return true }
    }
    switch key {
    // Ctrl-C and Ctrl-D arrive as keys in raw mode; they quit like q.
    case _ where quits.contains(key): return false
    case "h", "H": showHint()
    case "n", "N": moveToNext()
    case "l", "L": showList()
    case "c", "C": if let watched { grade(watched) }
    case "r", "R":
      guard let watched else { break }
      confirmingReset = true
      output.append([
        "Reset \(watched.name) to its stub? Your version is kept as a backup. [y/N]"
      ])
    case "\n", "\r", " ": break
    default: output.keys()
    }
    return true
  }

  /// Grades after settled saves: the watched exercise if its topic changed, else the exercise
  /// whose file was saved last.
  func checkSaves(_ files: [URL]) {
    let topics = Set(files.map { $0.deletingLastPathComponent().lastPathComponent })
    if let watched, topics.contains(watched.lesson) {
      return grade(watched)
    }
    let names = files.map { $0.deletingPathExtension().lastPathComponent }
    if let other = names.reversed().lazy.compactMap({ self.course.exercise(named: $0) }).first {
      grade(other)
    }
  }

  /// Starts checking `exercise` in the background, cancelling a check already running (a save
  /// during a check makes its result stale).
  func grade(_ exercise: ExerciseReference) {
    if let running {
      running.cancel()
      self.running = nil
    }
    showingList = false
    watched = exercise
    let progress = (try? LearnerProgress.load(from: workspace)) ?? LearnerProgress()
    show(exercise, progress: progress, withVerdict: false)
    output.activity(screen.style.dim("Checking \(exercise.name)…") + runningKeys)
    running = WatchCheck(
      exercise: exercise, runner: CheckRunner(workspace: workspace, timeout: timeout),
      wake: wake.writeEnd)
  }

  /// The keys that work during a check, on the spinner's line.
  private var runningKeys: String {
    output is WatchFullScreen ? screen.style.dim("   q quits · saving again restarts") : ""
  }

  /// Shows the verdicts that arrived, records them, and once the check is over, on a pass,
  /// moves to the next exercise not done.
  private func collectVerdicts() {
    guard let check = running else { return }
    let (verdicts, finished) = check.take()
    if showingList && !verdicts.isEmpty {
      showingList = false
      let progress = (try? LearnerProgress.load(from: workspace)) ?? LearnerProgress()
      show(check.exercise, progress: progress, withVerdict: false)
    }
    if finished {
      running = nil
      output.activity(nil)
    }
    let formatter = VerdictFormatter(style: screen.style)
    for verdict in verdicts {
      output.append(formatter.lines(for: verdict))
      update {
        $0.exercises[verdict.exercise] = LearnerProgress.Verdict(
          passed: verdict.passed, results: verdict.results)
      }
      guard verdict.passed else {
        output.keys()
        continue
      }
      output.append(screen.afterPass(check.exercise))
      let progress = (try? LearnerProgress.load(from: workspace)) ?? LearnerProgress()
      watched = progress.next(after: check.exercise, in: course)
      output.append([""])
      append(watched, progress: progress)
    }
  }

  /// A new page with the header, last verdict and keys of `exercise` (or the all-done line).
  private func show(
    _ exercise: ExerciseReference?, progress: LearnerProgress, withVerdict: Bool = true
  ) {
    let screen = self.screen
    guard let exercise else {
      output.begin { _ in [screen.allDone] }
      return output.keys()
    }
    output.begin { width in screen.header(exercise, progress: progress, width: width) }
    if withVerdict {
      output.append([screen.lastVerdict(exercise, progress: progress)])
      output.keys()
    }
  }

  /// Like `show`, on the current page, under what is there.
  private func append(_ exercise: ExerciseReference?, progress: LearnerProgress) {
    guard let exercise else {
      output.append([screen.allDone])
      return output.keys()
    }
    output.append(screen.header(exercise, progress: progress, width: output.width))
    output.append([screen.lastVerdict(exercise, progress: progress)])
    output.keys()
  }

  /// A new page for the watched exercise, its last verdict and the keys.
  private func showWatched() {
    show(watched, progress: (try? LearnerProgress.load(from: workspace)) ?? LearnerProgress())
    if let running {
      output.activity(screen.style.dim("Checking \(running.exercise.name)…") + runningKeys)
    }
  }

  /// The course's exercises with their statuses, the watched one marked with ▸.
  private func showList() {
    let progress = (try? LearnerProgress.load(from: workspace)) ?? LearnerProgress()
    let lines = CourseListing.lines(of: course, progress: progress, style: screen.style)
    let marked = lines.map { line in
      guard let watched, line.hasPrefix("   "), line.hasSuffix("  \(watched.name)") else {
        return line
      }
      return " ▸" + line.dropFirst(2)
    }
    if output is WatchFullScreen {
      showingList = true
      let style = screen.style
      output.begin { _ in
        [style.bold("Exercises") + style.dim("   ▸ marks the one watched; any key returns")]
      }
    }
    output.append(marked)
  }

  private func showHint() {
    guard let watched else {
      return output.append(["Every exercise passes: no hint needed."])
    }
    let presenter = HintPresenter(style: screen.style, width: output.width)
    report { progress in
      presenter.reveal(watched, progress: &progress, again: "press h again")
    }
  }

  private func moveToNext() {
    let progress = (try? LearnerProgress.load(from: workspace)) ?? LearnerProgress()
    let next =
      watched.flatMap { progress.next(after: $0, in: course) } ?? progress.current(in: course)
    guard let next, next.name != watched?.name else {
      return output.append(["No other exercise is left to do."])
    }
    watched = next
    show(next, progress: progress)
  }

  private func resetWatched() {
    guard let watched else { return }
    report { progress in
      let outcome = try ExerciseReset(workspace: workspace).reset(watched, progress: &progress)
      let kept =
        outcome.backup.map { "Kept your version as \($0.path)." } ?? "It was the stub already."
      return ["Reset \(watched.name) to its stub from \(outcome.source). " + kept]
    }
  }

  /// Re-reads the progress, applies `change`, saves; a failure is one line, and the watch goes on.
  private func update(_ change: (inout LearnerProgress) throws -> Void) {
    report { progress in
      try change(&progress)
      return []
    }
  }

  /// Like `update`, printing the lines `change` returns.
  private func report(_ change: (inout LearnerProgress) throws -> [String]) {
    do {
      let lines = try LearnerProgress.update(in: workspace, change)
      output.append(lines)
    } catch {
      output.append(["workbook: \(error)"])
    }
  }
}
