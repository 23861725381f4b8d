package io.jenkins.plugins.branchdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VariableLinesTest {

    @Test
    void linesReadAsNamesAndValuesKeepingEqualsSignsInValues() {
        assertThat(VariableLines.parse("REPLICAS=2\r\n\n  JDBC_URL = jdbc:postgresql://db/app?ssl=true  \n"))
                .containsExactly(Map.entry("REPLICAS", "2"), Map.entry("JDBC_URL", "jdbc:postgresql://db/app?ssl=true"));
    }

    @Test
    void formattedTextReadsBackToTheSameVariables() {
        Map<String, String> variables = new TreeMap<>(Map.of("A", "1", "B", "x=y"));

        assertThat(VariableLines.parse(VariableLines.format(variables))).isEqualTo(variables);
        assertThat(VariableLines.format(null)).isEmpty();
    }

    @Test
    void aLineWithoutANameIsRefusedNamingTheField() {
        assertThatThrownBy(() -> VariableLines.parse("REPLICAS=2\n=3"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("variables: '=3' is not NAME=value");
        assertThatThrownBy(() -> VariableLines.parse("JUST_A_NAME"))
                .isInstanceOf(InvalidInputException.class);
    }
}
