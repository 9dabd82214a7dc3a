import Foundation
@_spi(Reference) import InferenceMemory
import InferenceMemorySolutions

// One forward pass, naive or ping-pong (or the set-up alone), through an MLP of LAYERS layers of width 64, batch 8.
// Run under `valgrind --tool=memcheck` (scripts/bench-allocations.sh): the difference in heap
// allocations between 32 layers and 1 layer is what each extra layer allocates, exactly.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, let layers = Int(arguments.last ?? ""), layers >= 1,
  ["naive", "pingpong", "setup"].contains(arguments.first ?? "")
else {
  print("usage: AllocationCount naive|pingpong|setup LAYERS")
  exit(64)
}
do {
  let network = try MLP.random(
    widths: Array(repeating: 64, count: layers + 1), activation: .relu, seed: 1)
  let input = (0..<8 * 64).map { Float($0 % 13) / 13 }
  let allocator = ActivationAllocator(recording: false)
  switch arguments.first {
  case "naive":
    print(try NaiveForward.forward(network, input: input, batch: 8, allocator: allocator).count)
  case "pingpong":
    print(
      try PingPongForwarder().forward(network, input: input, batch: 8, allocator: allocator).count)
  default:
    // The set-up alone, whose allocations the forward passes' counts are measured against.
    print(network.layerCount + input.count)
  }
} catch {
  print("AllocationCount: \(error)")
  exit(1)
}
