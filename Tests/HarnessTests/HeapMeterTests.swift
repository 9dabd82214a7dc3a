import Foundation
import Harness
import XCTest

/// The heap meter sees what it must: a Swift array's storage, its peak after a free, and
/// nothing once stopped.
final class HeapMeterTests: XCTestCase {

  func testTheMeterIsInstalledOnLinux() {
    #if os(Linux)
      XCTAssertTrue(HeapMeter.isAvailable, "the counting malloc did not win the link")
    #endif
  }

  func testAnArrayIsCountedAtItsSize() throws {
    try XCTSkipUnless(HeapMeter.isAvailable)
    let (count, heap) = try HeapMeter.measure { [Float](repeating: 1, count: 10_000).count }
    XCTAssertEqual(count, 10_000)
    // 40,000 bytes of elements, plus the array's header and malloc's rounding.
    XCTAssertGreaterThanOrEqual(heap.peakBytes, 40_000)
    XCTAssertLessThan(heap.peakBytes, 40_000 + 256)
    XCTAssertLessThan(heap.netBytes, 256, "the array was freed inside the measurement")
    XCTAssertGreaterThanOrEqual(heap.allocations, 1)
  }

  func testOtherThreadsAreNotCounted() throws {
    try XCTSkipUnless(HeapMeter.isAvailable)
    let started = DispatchSemaphore(value: 0)
    let stop = DispatchSemaphore(value: 0)
    let other = Thread {
      started.signal()
      // A megabyte a millisecond on another thread, for as long as the measurement lasts.
      while stop.wait(timeout: .now() + .milliseconds(1)) == .timedOut {
        let block = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
        block.initialize(repeating: 1, count: 1 << 20)
        block.deallocate()
      }
    }
    other.start()
    started.wait()
    let (_, heap) = try HeapMeter.measure { () -> Int in
      Thread.sleep(forTimeInterval: 0.05)
      return [Float](repeating: 1, count: 1000).count
    }
    stop.signal()
    XCTAssertGreaterThanOrEqual(heap.peakBytes, 4000)
    XCTAssertLessThan(heap.peakBytes, 1 << 20, "another thread's megabyte was counted")
  }

  func testThePeakOutlivesAFree() throws {
    try XCTSkipUnless(HeapMeter.isAvailable)
    func churn() -> Int {
      var total = 0
      for size in [1000, 50_000, 2000] {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        pointer.initialize(repeating: 1, count: size)
        total += Int(pointer[size - 1])
        pointer.deallocate()
      }
      return total
    }
    // Once unmeasured: the runtime allocates type metadata in 16 KiB pages on the first call
    // that needs it, whichever test that is.
    _ = churn()
    let (_, heap) = try HeapMeter.measure(churn)
    XCTAssertGreaterThanOrEqual(heap.peakBytes, 50_000)
    XCTAssertLessThan(heap.peakBytes, 51_000)
    XCTAssertGreaterThanOrEqual(heap.allocatedBytes, 53_000)
  }

  func testAnErrorStopsTheMeter() throws {
    try XCTSkipUnless(HeapMeter.isAvailable)
    struct Failure: Error {}
    XCTAssertThrowsError(try HeapMeter.measure { () throws -> Int in throw Failure() })
    let (_, heap) = try HeapMeter.measure { 0 }
    XCTAssertEqual(heap.allocations, 0)
  }
}
