import ArgumentParser
import Foundation
import Grading

/// `workbook grade SUBMISSIONS`: grades a class, each submission in its own copy of the
/// workbook, and writes the gradebook, feedback, JUnit XML and Gradescope results.
struct GradeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grade",
    abstract: "Grade a folder of submissions into a gradebook and per-student feedback.",
    discussion:
      "SUBMISSIONS holds one folder per student with their Exercises/ (or a whole student edition). Only the exercise files the workbook knows are taken; each submission is graded in a pristine copy of the workbook, each build and each exercise in its own bubblewrap sandbox (no network, no view of the workbook, the other submissions or the output; every process it starts dies with it) with time, memory, process and file-size limits, and each submission within a time budget. Writes gradebook.csv, scores.csv, gradebook.json, junit.xml and students/<name>/{feedback.md,results.json}; a file in the output folder that workbook did not write is never replaced without --force."
  )

  @Argument(help: "The folder of submissions, one folder per student.")
  var submissions: String

  @Option(help: "The folder to write the grades into (created if missing).")
  var output = "grades"

  @Option(help: "Submissions graded at the same time.")
  var jobs = 2

  @Option(help: "Seconds each exercise may run.")
  var timeout: Double = 30

  @Option(help: "Megabytes of address space each exercise may use.")
  var memory = CheckLimits.defaultMemoryMegabytes

  @Option(help: "Seconds one submission's builds and checks may take in all.")
  var budget: Double = 600

  @Option(help: "A folder to keep the grading copies in, so the next run starts warm.")
  var work: String?

  @Flag(
    help:
      "Grade without a sandbox when bubblewrap is missing: students' code can then read and change anything the grader can."
  )
  var unsafeNoSandbox = false

  @Flag(help: "Replace files in the output folder even if workbook did not write them.")
  var force = false

  func validate() throws {
    guard (1...32).contains(jobs) else { throw ValidationError("--jobs must be from 1 to 32") }
    try validateGradingLimits(timeout: timeout, budget: budget, memory: memory)
    var isFolder: ObjCBool = false
    guard
      FileManager.default.fileExists(atPath: absolute(submissions).path, isDirectory: &isFolder),
      isFolder.boolValue
    else {
      throw ValidationError("SUBMISSIONS '\(submissions)' is not a folder")
    }
    let inside = { (child: URL, parent: URL) in
      child.path == parent.path || child.path.hasPrefix(parent.path + "/")
    }
    if inside(absolute(output), absolute(submissions)) {
      throw ValidationError("--output must be outside SUBMISSIONS")
    }
    if let work, inside(absolute(work), absolute(submissions)) {
      throw ValidationError("--work must be outside SUBMISSIONS")
    }
  }

  func run() throws {
    let context = try CourseContext.load()
    let root = context.workspace.root.standardizedFileURL
    let workFolder = work.map(absolute)
    if let workFolder, workFolder.path.hasPrefix(root.path + "/") || workFolder.path == root.path {
      throw ValidationError("--work must be outside the workbook")
    }
    let finder = SubmissionFinder(exercises: context.course.exercises)
    let (found, skipped) = try finder.submissions(in: absolute(submissions))
    for line in skipped { print("skipped \(line)") }
    if found.isEmpty {
      throw ValidationError("SUBMISSIONS '\(submissions)' holds no submission folder")
    }
    let writer = GradesOutput(folder: absolute(output), force: force)
    try writer.checkWritable(GradesOutput.files(for: found.map(\.name)))
    let sandbox: Sandbox?
    do {
      sandbox = try Sandbox.detect()
    } catch  where unsafeNoSandbox {
      sandbox = nil
    }
    let limits = CheckLimits(timeout: timeout, memoryMegabytes: memory)
    let options = GradingOptions(
      jobs: jobs, limits: limits, work: workFolder, skipped: [absolute(output)], sandbox: sandbox,
      budget: budget)
    let started = Date()
    let count = found.count == 1 ? "1 submission" : "\(found.count) submissions"
    print("Grading \(count), \(min(jobs, found.count)) at a time.")
    if let sandbox {
      print("Each build and check runs in a bubblewrap sandbox, \(sandbox.userDescription).")
    } else {
      print("WARNING: no sandbox (--unsafe-no-sandbox): students' code runs as \(NSUserName()).")
    }
    fflush(stdout)
    let gradebook = try ClassGrader(
      workspace: context.workspace, exercises: context.course.exercises, options: options
    ).grade(found) { grade in
      let seconds = String(format: "%.1f", grade.seconds)
      print("\(grade.student): \(grade.score)/\(grade.maxScore) (\(seconds) s)")
      fflush(stdout)
    }
    var written = absolute(output)
    do {
      try writer.write(gradebook, limits: limits)
    } catch {
      // Something made the output folder unwritable while grading: the grades still go out.
      written = URL(fileURLWithPath: written.path + "-" + Self.stamp())
      FileHandle.standardError.write(
        Data("workbook: \(error); writing the grades to \(written.path) instead\n".utf8))
      try GradesOutput(folder: written, force: false).write(gradebook, limits: limits)
    }
    let seconds = Int(Date().timeIntervalSince(started).rounded())
    print("Graded \(count) in \(seconds) s; grades in \(written.path).")
  }

  /// A name for a fresh folder: the time, to the second, and a random tail.
  private static func stamp() -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    return formatter.string(from: Date()) + "-" + UUID().uuidString.prefix(4)
  }

  private func absolute(_ path: String) -> URL {
    URL(
      fileURLWithPath: path,
      relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ).standardizedFileURL
  }
}
