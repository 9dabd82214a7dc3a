import Foundation
import ServingAndFinetuning
import ServingAndFinetuningSolutions

// Replays a seeded trace through the reference PagedKVCache solution over a metered BlockPool,
// and through contiguous preallocation for the maximum length (the peer), in one release run:
// the time per append of each, the waste of each, and how many sequences the paged peak holds
// in the blocks contiguous preallocation would reserve. Run by scripts/bench-paged.sh.

let blockSize = 16
let trace = RequestTrace(seed: 2026, requests: 2000, concurrent: 64, maxTokens: 2048)
let appends = trace.events.reduce(0) { count, event in
  switch event {
  case .add(_, let prompt): return count + prompt.count
  case .append: return count + 1
  default: return count
  }
}

/// Contiguous preallocation: every sequence reserves `maxTokens` slots when it starts.
func replayContiguous() -> (seconds: Double, peakSlots: Int, waste: Double) {
  var regions: [Int: [Int]] = [:]
  var lengths: [Int: Int] = [:]
  var reserved = 0
  var peak = 0
  var reservedTotal = 0
  var usedTotal = 0
  var used = 0
  let start = DispatchTime.now().uptimeNanoseconds
  for event in trace.events {
    switch event {
    case .add(let id, let prompt):
      var region = [Int](repeating: 0, count: trace.maxTokens)
      for (index, token) in prompt.enumerated() { region[index] = token }
      regions[id] = region
      lengths[id] = prompt.count
      reserved += trace.maxTokens
      used += prompt.count
    case .fork(let parent, let child):
      // Without paging a second sample copies its prompt into a region of its own.
      regions[child] = regions[parent]
      lengths[child] = lengths[parent]
      reserved += trace.maxTokens
      used += lengths[parent] ?? 0
    case .append(let id, let token):
      let length = lengths[id] ?? 0
      regions[id]?[length] = token
      lengths[id] = length + 1
      used += 1
    case .finish(let id):
      regions[id] = nil
      used -= lengths.removeValue(forKey: id) ?? 0
      reserved -= trace.maxTokens
    }
    peak = max(peak, reserved)
    reservedTotal += reserved
    usedTotal += used
  }
  let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  return (seconds, peak, 1 - Double(usedTotal) / Double(reservedTotal))
}

/// Paging through the solution's allocator over a metered pool.
func replayPaged() throws -> (seconds: Double, peakSlots: Int, waste: Double) {
  let pool = BlockPool(blockCount: 1 << 16, blockSize: blockSize)
  let cache = try PagedCache(pool: pool)
  var allocatedTotal = 0
  var filledTotal = 0
  let start = DispatchTime.now().uptimeNanoseconds
  for event in trace.events {
    switch event {
    case .add(let id, let prompt): try cache.add(sequence: id, prompt: prompt)
    case .fork(let parent, let child): try cache.fork(sequence: parent, into: child)
    case .append(let id, let token): try cache.append(token: token, to: id)
    case .finish(let id): try cache.finish(sequence: id)
    }
    allocatedTotal += pool.blocksInUse * blockSize
    filledTotal += pool.filledSlots
  }
  let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  return (
    seconds, pool.peakBlocksInUse * blockSize, 1 - Double(filledTotal) / Double(allocatedTotal)
  )
}

func best<T>(_ runs: Int, _ body: () throws -> T, seconds: (T) -> Double) rethrows -> T {
  var fastest = try body()
  for _ in 1..<runs {
    let run = try body()
    if seconds(run) < seconds(fastest) { fastest = run }
  }
  return fastest
}

let contiguous = best(5, replayContiguous, seconds: { $0.seconds })
let paged = try best(5, replayPaged, seconds: { $0.seconds })
func ns(_ seconds: Double) -> String { String(format: "%.1f ns", seconds * 1e9 / Double(appends)) }
func pct(_ fraction: Double) -> String { String(format: "%.1f %%", fraction * 100) }
print(
  "trace: \(trace.events.count) events, \(appends) token writes, blocks of \(blockSize), max \(trace.maxTokens) tokens"
)
print(
  "contiguous preallocation: \(ns(contiguous.seconds)) per token, waste \(pct(contiguous.waste)), peak \(contiguous.peakSlots) slots"
)
print(
  "paged (solution + metered pool): \(ns(paged.seconds)) per token, waste \(pct(paged.waste)), peak \(paged.peakSlots) slots"
)
print(
  String(
    format:
      "paged / contiguous time per token: %.2f×; contiguous peak / paged peak: %.2f× (sequences per byte)",
    paged.seconds / contiguous.seconds, Double(contiguous.peakSlots) / Double(paged.peakSlots)))
