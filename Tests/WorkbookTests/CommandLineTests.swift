import Foundation
import HarnessXCTest
import XCTest

/// Runs the built `workbook` executable the way a person does, and reads what it prints.
struct CommandRun {
  let status: Int32
  let stdout: String
  let stderr: String

  /// Runs `workbook` with `arguments` in `folder` (this workbook when nil), with a state folder
  /// of its own unless `extra` names one, and `input` typed in (none when nil).
  static func workbook(
    _ arguments: [String], environment extra: [String: String] = [:], input: String? = nil,
    in folder: URL? = nil
  ) throws -> CommandRun {
    let process = Process()
    process.executableURL = builtProduct(named: "workbook")
    process.arguments = arguments
    process.currentDirectoryURL = folder ?? packageRoot
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment["WORKBOOK_STATE"] =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("workbook-state-\(UUID().uuidString)").path
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    return try run(process, input: input)
  }

  /// Runs `process` to its end, with `input` typed on its standard input (none when nil), and
  /// reads what it prints.
  static func run(_ process: Process, input: String? = nil) throws -> CommandRun {
    let stdin = input.map { _ in Pipe() }
    let out = Pipe()
    let err = Pipe()
    process.standardInput = stdin ?? FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = err
    try process.run()
    if let stdin, let input {
      stdin.fileHandleForWriting.write(Data(input.utf8))
      try stdin.fileHandleForWriting.close()
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandRun(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// The workbook's folder, found from this file's path.
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }
}

final class CommandLineTests: XCTestCase {
  func testUsageErrorsAreOneLineWithStatus64() throws {
    let cases: [([String], String)] = [
      (["nope"], "workbook: "),
      (["read", "NumberFormat"], "did you mean NumberFormats?"),
      (["check", "IntegerDecodng"], "did you mean IntegerDecoding?"),
      (["check", "--timeout", "-1"], "--timeout"),
      (["list", "--bogus"], "workbook: "),
    ]
    for (arguments, fragment) in cases {
      let run = try CommandRun.workbook(arguments)
      XCTAssertEqual(run.status, 64, "\(arguments)")
      XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, "\(arguments): \(run.stderr)")
      XCTAssertTrue(run.stderr.contains(fragment), "\(arguments): \(run.stderr)")
      XCTAssertFalse(run.stderr.contains("Stack"), "no stack traces")
    }
  }

  func testCalcConfigErrorsNameTheFileAndFieldWithStatus64() throws {
    let fixtures = "Tests/Fixtures/ModelConfigs/"
    let cases: [([String], String)] = [
      (
        ["calc", "--config", "no/such/config.json"], "workbook: no/such/config.json: no such file\n"
      ),
      (
        [
          "calc", "--config", fixtures + "gpt2/config.json", "--lora-rank", "8", "--lora-targets",
          "q_proj",
        ],
        "workbook: --lora-targets: GPT2LMHeadModel has no module \u{201C}q_proj\u{201D}; its "
          + "linear layers are c_attn, c_proj, c_fc (or all-linear)\n"
      ),
      (
        ["calc", "--config", fixtures + "gpt2/config.json", "--kv-cache"],
        "workbook: --kv-cache needs --context N (or --gpu-memory, to find the largest context "
          + "that fits)\n"
      ),
    ]
    for (arguments, expected) in cases {
      let run = try CommandRun.workbook(arguments)
      XCTAssertEqual(run.status, 64, "\(arguments)")
      XCTAssertEqual(run.stderr, expected, "\(arguments)")
      XCTAssertEqual(run.stdout, "", "\(arguments)")
    }
  }

  func testCalcOnAConfigStatesTheExactCount() throws {
    let run = try CommandRun.workbook([
      "calc", "--config", "Tests/Fixtures/ModelConfigs/qwen2-0.5b/config.json", "--json",
    ])
    XCTAssertEqual(run.status, 0, run.stderr)
    let report = try JSONDecoder().decode([String: Int?].self, from: Data(run.stdout.utf8))
    XCTAssertEqual(report["parameters"], 494_032_768)
    XCTAssertEqual(report["kvCacheBytesPerToken"], 2 * 24 * 2 * 64 * 2)
    XCTAssertEqual(report["kvCacheBytes"], 0)
  }

  func testListJSONNamesEveryExerciseWithAStatus() throws {
    let run = try CommandRun.workbook(["list", "--json"])
    XCTAssertEqual(run.status, 0, run.stderr)
    struct Listing: Decodable {
      struct Lesson: Decodable {
        struct Exercise: Decodable { var name, file, section, status: String }
        var name, title, file: String
        var exercises: [Exercise]
      }
      var lessons: [Lesson]
    }
    let listing = try JSONDecoder().decode(Listing.self, from: Data(run.stdout.utf8))
    XCTAssertFalse(listing.lessons.isEmpty)
    let exercises = listing.lessons.flatMap(\.exercises)
    XCTAssertTrue(exercises.contains { $0.name == "IntegerDecoding" })
    XCTAssertEqual(
      exercises.first?.status, "current", "a fresh learner starts at the first exercise")
    for exercise in exercises {
      XCTAssertTrue(
        FileManager.default.fileExists(
          atPath: CommandRun.packageRoot.appendingPathComponent(exercise.file).path))
    }
  }

  func testReadRendersPlainTextWhenPiped() throws {
    let run = try CommandRun.workbook(["read", "1"], environment: ["COLUMNS": "90"])
    XCTAssertEqual(run.status, 0, run.stderr)
    XCTAssertTrue(run.stdout.hasPrefix("NUMBER FORMATS"))
    XCTAssertFalse(run.stdout.contains("\u{1B}["), "no ANSI codes into a pipe")
    XCTAssertTrue(
      run.stdout.split(separator: "\n").allSatisfy { $0.count <= 90 }, "wrapped to COLUMNS")
  }

  func testDashboardShowsTheNextStep() throws {
    let run = try CommandRun.workbook([])
    XCTAssertEqual(run.status, 0, run.stderr)
    XCTAssertTrue(run.stdout.contains("Next: "))
    XCTAssertTrue(run.stdout.contains("workbook check"))
  }
}
