package io.jenkins.plugins.branchdeploy.engine.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.AccessPattern;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes Jackson build the deserializer of a bean property when a document first holds that
 * property, not when it builds the bean's. Jackson builds a bean's whole graph of types at once:
 * for a Deployment, about 200 classes of the typed model (every volume source, probe and affinity
 * rule), of which manifests use a few dozen. In a JVM that has just started, building them is most
 * of rendering's time; later they are built once and kept, as before. Each property ends up with the
 * deserializer Jackson would have given it, so the objects are the same.
 *
 * <p>For a model without object identities, unwrapped properties or merging (Kubernetes' has none of
 * them): a property whose deserializer or converter an annotation names, or that a creator takes, is
 * left as it is.
 */
final class LazyPropertyDeserializers extends SimpleModule {

    LazyPropertyDeserializers() {
        super("branch-deploy-lazy-property-deserializers");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean, BeanDeserializerBuilder builder) {
                List<SettableBeanProperty> lazy = new ArrayList<>();
                builder.getProperties().forEachRemaining(property -> {
                    if (!property.hasValueDeserializer() && !(property.getMember() instanceof AnnotatedParameter)
                            && config.getAnnotationIntrospector().findDeserializationConverter(property.getMember()) == null) {
                        lazy.add(property.withValueDeserializer(new Deferred(property.getType(), property)));
                    }
                });
                lazy.forEach(property -> builder.addOrReplaceProperty(property, true));
                return builder;
            }
        });
    }

    /** Stands in for a property's deserializer until the property is first read. */
    private static final class Deferred extends JsonDeserializer<Object> implements ContextualDeserializer {

        private final JavaType type;
        private final BeanProperty property;
        private volatile JsonDeserializer<Object> resolved;

        Deferred(JavaType type, BeanProperty property) {
            this.type = type;
            this.property = property;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty contextual) {
            return contextual == property ? this : new Deferred(type, contextual);
        }

        private JsonDeserializer<Object> resolved(DeserializationContext context) throws JsonMappingException {
            JsonDeserializer<Object> deserializer = resolved;
            if (deserializer == null) {
                deserializer = context.findContextualValueDeserializer(type, property);
                resolved = deserializer;
            }
            return deserializer;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return resolved(context).deserialize(parser, context);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context, Object into) throws IOException {
            return resolved(context).deserialize(parser, context, into);
        }

        @Override
        public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer types) throws IOException {
            return resolved(context).deserializeWithType(parser, context, types);
        }

        @Override
        public Object getNullValue(DeserializationContext context) throws JsonMappingException {
            return resolved(context).getNullValue(context);
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) throws JsonMappingException {
            return resolved(context).getEmptyValue(context);
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC;
        }

        @Override
        public Class<?> handledType() {
            return type.getRawClass();
        }
    }
}
