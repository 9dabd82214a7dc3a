import Course
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `workbook watch`: shows the exercise to work on and checks it each time a save settles.
///
/// The loop blocks in `poll()` on standard input and the watcher's descriptor, so it costs no
/// CPU while the learner types (with inotify; polling wakes every 0.3 s). A save in any topic's
/// `Exercises/` folder is debounced, then graded with `CheckRunner`: the watched exercise when
/// its topic changed, or the exercise whose file was saved, which then becomes the watched one.
/// A pass moves on to the next exercise not done. Progress is re-read before each update, so
/// `workbook hint` or `check` in another terminal is never undone.
public final class WatchSession {
  /// The workbook.
  public let workspace: Workspace
  /// Its course.
  public let course: Course
  /// Seconds an exercise may run when graded.
  public let timeout: Double
  /// The watcher over every topic's exercise folder.
  public let watcher: FileWatcher
  /// Whether to clear the screen before each verdict (only on a terminal).
  public let clearsScreen: Bool
  /// The exercise shown, nil when every exercise passes.
  public private(set) var watched: ExerciseReference?

  private let screen: WatchScreen
  private let write: (String) -> Void
  private var debouncer = WatchDebouncer()
  private var confirmingReset = false

  /// Creates a session starting at `start` (default: the first exercise not done). `write`
  /// prints one line.
  public init(
    workspace: Workspace, course: Course, start: ExerciseReference?, timeout: Double,
    style: TerminalStyle, width: Int, clearsScreen: Bool, forcePolling: Bool = false,
    write: @escaping (String) -> Void
  ) throws {
    self.workspace = workspace
    self.course = course
    self.timeout = timeout
    self.clearsScreen = clearsScreen
    self.write = write
    screen = WatchScreen(workspace: workspace, course: course, style: style, width: width)
    let topics = course.lessons.filter { !$0.exercises.isEmpty }.map(\.name)
    watcher = FileWatcher(
      folders: topics.map { workspace.url("Exercises/\($0)") }, forcePolling: forcePolling)
    watched = try start ?? LearnerProgress.load(from: workspace).current(in: course)
  }

  /// Runs until `q` or the end of input.
  public func run(keys: inout KeyReader) throws {
    show(watched, progress: try LearnerProgress.load(from: workspace), clearing: true)
    if watcher.mechanism == .polling {
      write(screen.style.dim("(inotify unavailable: looking for saves every 0.3 s)"))
    }
    while true {
      var descriptors = [pollfd(fd: keys.descriptor, events: Int16(POLLIN), revents: 0)]
      if let descriptor = watcher.descriptor {
        descriptors.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
      }
      var wait = debouncer.millisecondsLeft(at: WatchDebouncer.now) ?? -1
      if watcher.mechanism == .polling {
        let interval = Int32(FileWatcher.pollingInterval * 1000)
        wait = wait < 0 ? interval : min(wait, interval)
      }
      if poll(&descriptors, nfds_t(descriptors.count), wait) < 0 && errno != EINTR {
        throw WorkbookError("cannot wait for input: \(String(cString: strerror(errno)))")
      }
      if descriptors[0].revents != 0 {
        guard let typed = keys.read() else { return }
        // An escape sequence (an arrow key) is not a command: drop it and what follows.
        for key in typed.prefix(while: { $0 != "\u{1B}" }) where !handle(key) { return }
      }
      debouncer.note(watcher.changes(), at: WatchDebouncer.now)
      if let saved = debouncer.take(at: WatchDebouncer.now) { checkSaves(saved) }
    }
  }

  /// Acts on one key; false to stop.
  func handle(_ key: Character) -> Bool {
    if confirmingReset {
      confirmingReset = false
      if key == "y" || key == "Y" { resetWatched() } else { write("Reset cancelled.") }
      return true
    }
    switch key {
    case "q", "Q":
      write("Stopped watching.")
      return false
    case "h", "H": showHint()
    case "n", "N": moveToNext()
    case "l", "L":
      let progress = (try? LearnerProgress.load(from: workspace)) ?? LearnerProgress()
      CourseListing(course: course, progress: progress).lines(style: screen.style).forEach(write)
    case "c", "C": if let watched { grade(watched) }
    case "r", "R":
      guard let watched else { break }
      confirmingReset = true
      write("Reset \(watched.name) to its stub? Your version is kept as a backup. [y/N]")
    case "\n", "\r", " ": break
    default: write(screen.keys)
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

  /// Checks `exercise` in a child process, shows the verdict, records it, and on a pass moves
  /// to the next exercise not done.
  func grade(_ exercise: ExerciseReference) {
    watched = exercise
    let before = (try? LearnerProgress.load(from: workspace)) ?? LearnerProgress()
    show(exercise, progress: before, clearing: true, withVerdict: false)
    write(screen.style.dim("Checking \(exercise.name)…"))
    var passed = false
    let formatter = VerdictFormatter(style: screen.style)
    do {
      try CheckRunner(workspace: workspace, timeout: timeout).check([exercise]) { verdict in
        passed = verdict.passed
        for line in formatter.lines(for: verdict) { write(line) }
        let results = verdict.results
        update {
          $0.exercises[exercise.name] = LearnerProgress.Verdict(
            passed: verdict.passed, checksPassed: results.filter(\.passed).count,
            checksTotal: results.count, checkedAt: Date())
        }
      }
    } catch {
      write("workbook: \(error)")
    }
    guard passed else { return write(screen.keys) }
    screen.afterPass(exercise).forEach(write)
    let progress = (try? LearnerProgress.load(from: workspace)) ?? before
    watched = progress.next(after: exercise, in: course)
    write("")
    show(watched, progress: progress, clearing: false)
  }

  /// The header, last verdict and keys of `exercise` (or the all-done line).
  private func show(
    _ exercise: ExerciseReference?, progress: LearnerProgress, clearing: Bool,
    withVerdict: Bool = true
  ) {
    let clear = clearing && clearsScreen ? WatchScreen.clear : ""
    guard let exercise else {
      write(clear + screen.allDone)
      return write(screen.keys)
    }
    var lines = screen.header(exercise, progress: progress)
    lines[0] = clear + lines[0]
    if withVerdict {
      lines += [screen.lastVerdict(exercise, progress: progress), screen.keys]
    }
    lines.forEach(write)
  }

  private func showHint() {
    guard let watched else { return write("Every exercise passes: no hint needed.") }
    let presenter = HintPresenter(style: screen.style, width: screen.width)
    report { progress in
      presenter.reveal(watched, progress: &progress, again: "press h again")
    }
  }

  private func moveToNext() {
    let progress = (try? LearnerProgress.load(from: workspace)) ?? LearnerProgress()
    let next =
      watched.flatMap { progress.next(after: $0, in: course) } ?? progress.current(in: course)
    guard let next, next.name != watched?.name else {
      return write("No other exercise is left to do.")
    }
    watched = next
    show(next, progress: progress, clearing: true)
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
      lines.forEach(write)
    } catch {
      write("workbook: \(error)")
    }
  }
}
