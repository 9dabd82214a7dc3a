import ArgumentParser
import Course
import Foundation
import Grading
import Harness
import LearnerWorkspace

/// `workbook check [<exercise>]`: grades exercises, each in its own process with a time limit.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Grade one exercise, or all of them.",
    discussion:
      "Each exercise runs in its own process: a crash or an infinite loop is reported as such, and the other exercises are still graded. Exit status 0 when everything checked passes."
  )

  @Argument(help: "The exercise to grade (default: all).")
  var exercise: String?

  @OptionGroup var limit: TimeoutOption

  @Option(help: "Megabytes of address space each exercise may use (as workbook grade).")
  var memory = CheckLimits.defaultMemoryMegabytes

  @Flag(help: "Print the verdicts as JSON.")
  var json = false

  func validate() throws {
    try validateMemory(memory)
  }

  func run() throws {
    var context = try CourseContext.load()
    let selected = try exercise.map { [try context.exercise($0)] } ?? context.course.exercises
    let formatter = VerdictFormatter(style: Terminal.style)
    var verdicts: [ExerciseVerdict] = []
    let runner = CheckRunner(
      workspace: context.workspace, timeout: limit.timeout, memoryMegabytes: memory)
    try runner.check(selected) { verdict in
      verdicts.append(verdict)
      if !json {
        for line in formatter.lines(for: verdict) { print(line) }
        fflush(stdout)
      }
    }
    for verdict in verdicts {
      context.progress.exercises[verdict.exercise] = LearnerProgress.Verdict(
        passed: verdict.passed, results: verdict.results)
    }
    // Merged into what the file holds now: a quiz or hint that ran meanwhile keeps its update.
    try context.saveProgress()
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let report = verdicts.map {
        JSONVerdict(
          exercise: $0.exercise, passed: $0.passed, checks: $0.results,
          errors: $0.errors.isEmpty ? nil : $0.errors)
      }
      print(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else if verdicts.count > 1 {
      let passed = verdicts.filter(\.passed).count
      print("\n\(passed) of \(verdicts.count) exercises pass.")
    }
    if !verdicts.allSatisfy(\.passed) { throw ExitCode.failure }
  }

  struct JSONVerdict: Codable {
    var exercise: String
    var passed: Bool
    var checks: [CheckResult]
    /// The compiler's errors when the exercise does not compile (or the missing file's line).
    var errors: [String]?
  }
}
