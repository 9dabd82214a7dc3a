import Harness
import HarnessXCTest
import XCTest

@testable import ServingAndFinetuning

/// Unit tests of the topic's kit: the harness types the graders hand in, the format tables, and
/// the reference code behind the figures.
final class ServingAndFinetuningKitTests: XCTestCase {
  // MARK: BlockPool

  func testPoolMetersAllocationsWritesAndCopies() throws {
    let pool = BlockPool(blockCount: 3, blockSize: 4)
    let a = try pool.allocate()
    let b = try pool.allocate()
    XCTAssertEqual([a, b], [0, 1], "low ids first")
    try pool.write(7, block: a, slot: 0)
    try pool.write(8, block: a, slot: 1)
    try pool.copy(from: a, to: b, slots: 2)
    XCTAssertEqual(try pool.read(block: b, slot: 1), 8)
    XCTAssertEqual(pool.slotsCopied, 2)
    XCTAssertEqual(pool.filledSlots, 4)
    try pool.write(9, block: a, slot: 0)
    XCTAssertEqual(pool.overwrites, 1)
    try pool.release(a)
    XCTAssertEqual(pool.blocksInUse, 1)
    XCTAssertEqual(pool.peakBlocksInUse, 2)
    XCTAssertEqual(pool.filledSlots, 2)
    XCTAssertThrowsError(try pool.release(a)) {
      XCTAssertEqual($0 as? ServingError, .invalidBlock(a))
    }
    XCTAssertThrowsError(try pool.read(block: b, slot: 3)) {
      XCTAssertEqual($0 as? ServingError, .unwrittenSlot(block: b, slot: 3))
    }
  }

  func testJournalReplayedOnAFreshPoolMeasuresTheSame() throws {
    let runner = BlockPool(blockCount: 3, blockSize: 4)
    let mark = runner.mark
    let a = try runner.allocate()
    let b = try runner.allocate()
    try runner.write(7, block: a, slot: 0)
    try runner.write(8, block: a, slot: 1)
    try runner.copy(from: a, to: b, slots: 2)
    try runner.write(9, block: b, slot: 1)
    // Slot 2 of a is empty: the copy writes slots 0 and 1 over b's, then throws.
    XCTAssertThrowsError(try runner.copy(from: a, to: b, slots: 3))
    XCTAssertThrowsError(try runner.release(2))
    try runner.release(a)
    let calls = runner.record(since: mark)
    XCTAssertEqual(calls.count, 9, "every call, failed ones included; copy's writes are its own")

    let judge = BlockPool(blockCount: 3, blockSize: 4)
    judge.replay(calls)
    XCTAssertEqual(judge.blocksInUse, runner.blocksInUse)
    XCTAssertEqual(judge.peakBlocksInUse, 2)
    XCTAssertEqual(judge.allocations, runner.allocations)
    XCTAssertEqual(judge.releases, runner.releases)
    XCTAssertEqual(judge.slotsCopied, runner.slotsCopied)
    XCTAssertEqual(judge.overwrites, runner.overwrites)
    XCTAssertEqual(judge.filledSlots, runner.filledSlots)
    XCTAssertEqual(try judge.read(block: b, slot: 0), 7)
    XCTAssertEqual(try judge.read(block: b, slot: 1), 8, "the failed copy's writes too")
    XCTAssertEqual(try judge.allocate(), try runner.allocate(), "the same free list")
  }

  func testPoolRunsOut() throws {
    let pool = BlockPool(blockCount: 1, blockSize: 16)
    _ = try pool.allocate()
    XCTAssertThrowsError(try pool.allocate()) { XCTAssertEqual($0 as? ServingError, .outOfBlocks) }
  }

  func testGradientStoreCountsBuffers() throws {
    let store = GradientStore()
    try store.store("A", [1, 2, 3])
    try store.store("B", [4])
    XCTAssertEqual(store.totalElements, 4)
    XCTAssertEqual(store.largestBuffer, 3)
    XCTAssertThrowsError(try store.store("A", [])) {
      XCTAssertEqual($0 as? ServingError, .duplicateGradient("A"))
    }
  }

  // MARK: Traces

  func testTracesRespectTheMaximumAndEndEmpty() {
    let trace = RequestTrace(seed: 5, requests: 30, concurrent: 4, maxTokens: 64)
    var lengths: [Int: Int] = [:]
    for event in trace.events {
      switch event {
      case .add(let id, let prompt): lengths[id] = prompt.count
      case .fork(let parent, let child): lengths[child] = lengths[parent]
      case .append(let id, _): lengths[id, default: 0] += 1
      case .finish(let id):
        XCTAssertLessThanOrEqual(lengths[id] ?? 0, 64)
        lengths[id] = nil
      }
    }
    XCTAssertTrue(lengths.isEmpty, "every sequence finishes")
    XCTAssertTrue(
      trace.events.contains { if case .fork = $0 { return true } else { return false } })
  }

  func testReferenceReplayWastesLessThanOnePartialBlockPerSequence() {
    let replay = TraceReplay(RequestTrace(seed: 9, requests: 20, concurrent: 5, maxTokens: 128))
    for sample in replay.samples {
      XCTAssertLessThanOrEqual(sample.pagedSlots - sample.tokens, 15 * sample.live)
      XCTAssertLessThanOrEqual(sample.pagedSlots, sample.contiguousSlots + 16 * sample.live)
    }
    XCTAssertEqual(replay.pool.blocksInUse, 0)
    XCTAssertLessThan(replay.pagedWaste, replay.contiguousWaste)
  }

  // MARK: Formats

  func testHalfBitsRoundTripAndRounding() {
    XCTAssertEqual(HalfBits.encode(1), 0x3C00)
    XCTAssertEqual(HalfBits.encode(65504), 0x7BFF)
    XCTAssertEqual(HalfBits.encode(65520), 0x7C00)
    XCTAssertEqual(HalfBits.encode(0x1p-24), 0x0001)
    XCTAssertEqual(HalfBits.encode(1 + 0x1p-11), 0x3C00, "a tie rounds to even")
    XCTAssertEqual(HalfBits.encode(1 + 3 * 0x1p-11), 0x3C02, "a tie rounds to even")
    for pattern in [UInt16(0x0001), 0x03FF, 0x0400, 0x3555, 0x7BFF, 0x8001, 0xC000] {
      XCTAssertEqual(HalfBits.encode(HalfBits.decode(pattern)), pattern)
    }
  }

  func testNF4TableRebuildsFromNormalQuantiles() {
    XCTAssertEqual(NF4.levels.count, 16)
    XCTAssertEqual(NF4.levels[7], 0)
    XCTAssertLessThan(NormalQuantiles.largestDifferenceFromTable, 1e-6)
  }

  func testDynamicMapsHave256SortedValues() {
    for map in [DynamicMap.signed, DynamicMap.unsigned] {
      XCTAssertEqual(map.count, 256)
      XCTAssertEqual(map, map.sorted())
      XCTAssertEqual(map.last, 1)
    }
    XCTAssertEqual(DynamicMap.signed[Int(DynamicMap.signedZeroCode)], 0)
    XCTAssertEqual(DynamicMap.unsigned[Int(DynamicMap.unsignedZeroCode)], 0)
    XCTAssertEqual(DynamicMap.signed.filter { $0 < 0 }.count, 127)
  }

  // MARK: Figures

  func testLlama2ParameterCountMatchesThePublishedOne() {
    XCTAssertEqual(DecoderShape.llama2With7B.parameters, 6_738_415_616)
  }

  func testFigureIdsAreUnique() {
    assertFiguresComputed(ServingAndFinetuningFigures.all)
    XCTAssertEqual(ServingAndFinetuningPictures.all.count, 2)
    assertPicturesStandalone(ServingAndFinetuningPictures.all)
  }
}
