// The InferenceMemory runner: the only process that links Exercises/InferenceMemory. It records
// the student's answers to the graders' questions; the judge decides (see Harness's `Judge`).
import Harness
import InferenceMemoryExercises
import InferenceMemoryGraders

Runner.main(
  InferenceMemoryGraders.self,
  (sizing: TensorSizer(), forward: PingPongForwarder(), planner: LifetimePlanner()))
