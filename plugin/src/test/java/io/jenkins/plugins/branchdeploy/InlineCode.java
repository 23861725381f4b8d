package io.jenkins.plugins.branchdeploy;

import java.util.ArrayList;
import java.util.List;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlElement;

/**
 * What a page's Content Security Policy would block in a part of it: {@code style} attributes,
 * {@code on*} event handler attributes and scripts without {@code src}.
 */
public final class InlineCode {

    private InlineCode() {}

    /** Each offending element and attribute, e.g. {@code td[style]}; empty when there is none. */
    public static List<String> in(DomNode root) {
        List<String> found = new ArrayList<>();
        List<DomElement> elements = new ArrayList<>();
        if (root instanceof DomElement element) {
            elements.add(element);
        }
        for (HtmlElement descendant : root.getHtmlElementDescendants()) {
            elements.add(descendant);
        }
        for (DomElement element : elements) {
            for (String attribute : element.getAttributesMap().keySet()) {
                if (attribute.equals("style") || attribute.startsWith("on")) {
                    found.add(element.getTagName() + "[" + attribute + "]");
                }
            }
            if (element.getTagName().equals("script") && !element.hasAttribute("src")) {
                found.add("inline script");
            }
        }
        return found;
    }
}
