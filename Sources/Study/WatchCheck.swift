import Course
import Foundation
import Grading
import LearnerWorkspace

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One check of one exercise running on a thread of its own, so `workbook watch` keeps reading
/// keys and saves while it builds and grades. Verdicts are handed back through `take()`; each
/// arrival writes a byte to `wake`, which the watch's `poll()` loop waits on.
final class WatchCheck: @unchecked Sendable {
  /// The exercise checked.
  let exercise: ExerciseReference
  private let cancellation = CheckCancellation()
  private let lock = NSLock()
  private var verdicts: [ExerciseVerdict] = []
  private var finished = false

  /// Starts checking `exercise` with `runner`.
  init(exercise: ExerciseReference, runner: CheckRunner, wake: Int32) {
    self.exercise = exercise
    let thread = Thread { [self] in
      do {
        try runner.check([exercise], cancellation: cancellation) { verdict in
          self.locked { self.verdicts.append(verdict) }
          Self.signal(wake)
        }
      } catch {
        // A read-only checkout or a full disk: one line on the screen, never a compile error.
        let verdict = ExerciseVerdict.notCheckable(exercise, "\(error)")
        self.locked { self.verdicts.append(verdict) }
      }
      self.locked { self.finished = true }
      Self.signal(wake)
    }
    thread.start()
  }

  /// Whether the thread has returned.
  var isFinished: Bool { locked { finished } }

  /// The verdicts that arrived since the last call, and whether the check is over.
  func take() -> (verdicts: [ExerciseVerdict], finished: Bool) {
    locked {
      defer { verdicts = [] }
      return (verdicts, finished)
    }
  }

  /// Stops the check: no new step starts, and every process it started (the build, the
  /// compilers the build started, the grader) is killed until none is left. Returns within
  /// `timeout` seconds; false if something outlived it.
  @discardableResult
  func cancel(timeout: Double = 2) -> Bool {
    cancellation.cancel()
    return ProcessTree.killDescendants(timeout: timeout) { isFinished }
  }

  private func locked<T>(_ body: () -> T) -> T {
    lock.lock()
    defer { lock.unlock() }
    return body()
  }

  private static func signal(_ descriptor: Int32) {
    var byte: UInt8 = 1
    _ = write(descriptor, &byte, 1)
  }
}

/// A pipe that wakes a `poll()` loop from another thread.
struct WakePipe {
  /// The end `poll()` waits on.
  let readEnd: Int32
  /// The end other threads write a byte to.
  let writeEnd: Int32

  /// Makes the pipe, both ends non-blocking and closed in child processes.
  init() throws {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else {
      throw WorkbookError("cannot make a pipe: \(String(cString: strerror(errno)))")
    }
    for end in ends {
      _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
      _ = fcntl(end, F_SETFD, FD_CLOEXEC)
    }
    readEnd = ends[0]
    writeEnd = ends[1]
  }

  /// Empties the pipe.
  func drain() {
    var bytes = [UInt8](repeating: 0, count: 256)
    while bytes.withUnsafeMutableBytes({ read(readEnd, $0.baseAddress, $0.count) }) > 0 {}
  }
}
