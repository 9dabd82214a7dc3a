import Foundation
import Grading
import HarnessXCTest
import XCTest

/// The bubblewrap sandbox of `workbook grade`, run for real around a probe script: what a check
/// sees, who it runs as, and its limits. (Tests/EndToEnd/hostile-class.test.sh drives the whole
/// class.)
final class SandboxTests: XCTestCase {
  private var folder: URL!

  override func setUpWithError() throws {
    folder = try scratchFolder("sandbox", subfolders: ["scratch"])
    chmod(folder.path, 0o755)
  }

  func testACheckSeesOnlyItsScratchRunsAsNobodyUnderTheLimits() throws {
    let sandbox: Sandbox
    do {
      sandbox = try Sandbox.detect()
    } catch {
      throw XCTSkip("no working bubblewrap here: \(error)")
    }
    let probe = folder.appendingPathComponent("probe")
    let secret = folder.appendingPathComponent("secret.txt")
    try "the grader's".write(to: secret, atomically: true, encoding: .utf8)
    try """
    #!/bin/sh
    echo "uid $(id -u) processes $(ulimit -p) memory $(ulimit -v) files $(ulimit -f)"
    echo "in $(pwd) args $*"
    [ -e '\(secret.path)' ] && echo "sees the secret"
    echo made > /scratch/own.txt && echo "wrote scratch"
    touch /usr/x 2>/dev/null && echo "wrote /usr"
    touch /x 2>/dev/null && echo "wrote /"
    echo "home ${HOME:-} oldpwd ${OLDPWD:-none}"

    """.write(to: probe, atomically: true, encoding: .utf8)
    chmod(probe.path, 0o755)
    var limits = CheckLimits(timeout: 10, memoryMegabytes: 256)
    limits.processes = 32
    let scratch = folder.appendingPathComponent("scratch")
    try sandbox.prepareScratch(scratch)
    let wrapper = try sandbox.writeWrapper(
      executable: probe, scratch: scratch, limits: limits,
      to: folder.appendingPathComponent("probe.sh"))
    let process = Process()
    process.executableURL = wrapper
    process.arguments = ["IntegerDecoding"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, output)
    XCTAssertTrue(
      output.contains("uid 65534 processes 32 memory 262144 files 131072"), output)
    XCTAssertTrue(output.contains("in /scratch args IntegerDecoding"), output)
    XCTAssertFalse(output.contains("sees the secret"), output)
    XCTAssertTrue(output.contains("wrote scratch"), output)
    XCTAssertFalse(output.contains("wrote /"), output)
    XCTAssertTrue(output.contains("home /scratch oldpwd none"), output)
    XCTAssertEqual(
      try String(contentsOf: scratch.appendingPathComponent("own.txt"), encoding: .utf8), "made\n")
  }
}
