package io.paperboy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleStructureTests {

	@Test
	void verify() {
		ApplicationModules modules = ApplicationModules.of(PaperboyApplication.class);
		modules.forEach(System.out::println);
		modules.verify();
	}

}
