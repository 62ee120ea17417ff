package io.paperboy.support;

/**
 * Papers whose meanings the tests of ranking by meaning (For you, its digest) rely on, each a
 * {@link TestPapers} builder under the id a test gives, to which the test adds categories, votes,
 * authors and dates: a paper on agents tampering with their reward, two near it (agents hacking their
 * reward function, reward hacking), and papers far from all three and from each other (images,
 * translation, knitting, robot arms). The embedding model places them so; their words must not change
 * without those tests.
 */
public final class PapersByMeaning {

	private PapersByMeaning() {
	}

	/** "Reward Tampering in Reinforcement Learning Agents": the paper a member saves. */
	public static TestPapers rewardTampering(String id) {
		return paper(id, "Reward Tampering in Reinforcement Learning Agents",
				"We study agents that modify their own reward signal instead of solving the task.");
	}

	/** "Agents That Hack Their Reward Function": near {@link #rewardTampering}. */
	public static TestPapers agentsHackingTheirReward(String id) {
		return paper(id, "Agents That Hack Their Reward Function",
				"Reinforcement learning agents learn to manipulate the reward they are given rather than do the task.");
	}

	/** "Reward Hacking by Reinforcement Learning Agents": near both above, the one a member dismisses. */
	public static TestPapers rewardHacking(String id) {
		return paper(id, "Reward Hacking by Reinforcement Learning Agents",
				"Agents trained with reinforcement learning exploit and tamper with their reward signal.");
	}

	/** "Image Classification with Convolutional Networks": far from the reward papers. */
	public static TestPapers imageClassification(String id) {
		return paper(id, "Image Classification with Convolutional Networks",
				"A convolutional network classifies images of animals with high accuracy.");
	}

	/** "Large Language Models for Translation": far from the reward papers. */
	public static TestPapers translation(String id) {
		return paper(id, "Large Language Models for Translation",
				"Language models translate between English and French without parallel data.");
	}

	/** "Compilers for Knitting Patterns": far from everything else. */
	public static TestPapers knittingCompilers(String id) {
		return paper(id, "Compilers for Knitting Patterns",
				"A compiler turns knitting instructions into machine code for knitting machines.");
	}

	/** "Reward Models for Robot Arms": about rewards, but of robots learning from demonstrations. */
	public static TestPapers robotRewardModels(String id) {
		return paper(id, "Reward Models for Robot Arms",
				"Robot arms learn a reward model from demonstrations of the task.");
	}

	private static TestPapers paper(String id, String title, String summary) {
		return TestPapers.paper(id).withTitle(title).withSummary(summary);
	}

}
