import XCTest

@testable import Harness

/// What a student reads when their code crashes: the runtime's message and their own frames.
final class CrashReportTests: XCTestCase {
  func testCrashReportKeepsTheMessageAndTheStudentsFrames() {
    let report = """
      before the crash
      Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range
      *** Signal 4: Backtracing from 0x7f56ce96df7f... done ***
      *** Program crashed: Illegal instruction at 0x00007f56ce96df7f ***
      Thread 0 "NumberFormatsCh" crashed:
        0              0x00007f56ce96df7f closure #1 in _assertionFailure(_:_:file:line:flags:) + 623 in libswiftCore.so
        3 [ra]         0x000055ee6e9f80e7 FloatDecoder.decode(_:as:) + 86 in NumberFormatsCheck at /w/Exercises/NumberFormats/FloatDecoding.swift:13:37
        4 [ra] [thunk] 0x000055ee6e9f8037 protocol witness for FloatDecoding.decode(_:as:) + 22 in NumberFormatsCheck at //<compiler-generated>
      rax 0x0000000000000000  0
      """
    XCTAssertEqual(
      CrashReport.shorten(report),
      """
      before the crash
      Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range
        at Exercises/NumberFormats/FloatDecoding.swift:13:37 in FloatDecoder.decode(_:as:)
      """)
  }
}
