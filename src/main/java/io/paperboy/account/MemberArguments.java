package io.paperboy.account;

import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A controller method that takes a {@link Member} (without {@code @AuthenticationPrincipal}) is given
 * the signed-in member, never {@code null}: {@code web.SecurityConfiguration} lets only members reach the
 * addresses that need one. An address that lacks its rule there fails loudly (500, logged) instead of
 * acting for nobody; {@code AccessRulesTests} finds such an address before it ships.
 */
@Configuration(proxyBeanMethods = false)
class MemberArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	static {
		// the signed-in member comes from the session, never from the request: no parameter of the API
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Member.class);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Member.class
				&& !parameter.hasParameterAnnotation(AuthenticationPrincipal.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binders) {
		Member member = Viewer.member(SecurityContextHolder.getContext().getAuthentication());
		if (member == null) {
			throw new IllegalStateException(parameter.getExecutable() + " needs a signed-in member, but its address "
					+ "has no rule for members in SecurityConfiguration");
		}
		return member;
	}

}
