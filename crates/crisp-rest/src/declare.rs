//! `endpoints!`: one short declaration per REST method, read like its
//! reference entry, expanded into the accessor, the builder, its setters, the
//! [`Endpoint`](crate::Endpoint) impl, `IntoFuture` and, for page-numbered
//! lists, [`Paginated`](crate::Paginated).
//!
//! One invocation per module (a reference group, or a topic of a large
//! group) declares the accessors on one API struct in a single `impl` block,
//! and a `pub(crate) const ENDPOINTS` listing what it declared:
//!
//! ```text
//! endpoints! {
//!     impl WebsiteApi;
//!
//!     /// Returns the message with this fingerprint.       <- doc comment (optional)
//!     #[deprecated = "use ... instead"]                    <- (optional) a retired route
//!     "Get A Message In Conversation"                      <- reference label
//!         => fn get_message_in_conversation -> GetMessageInConversation;
//!     GET "website/{website_id}/conversation/{session_id}/message/{fingerprint}";
//!     tiers [user, plugin];
//!     path (website_id: &'a WebsiteId, session_id: &'a SessionId, fingerprint: Fingerprint);
//!     output data Message;
//!
//!     "Change Conversation State" => fn change_conversation_state -> ChangeConversationState;
//!     PATCH "website/{website_id}/conversation/{session_id}/state";
//!     tiers [user, plugin];
//!     path (website_id: &'a WebsiteId, session_id: &'a SessionId);
//!     args (state: ConversationState);                        <- positional, not in the path
//!     body update: ConversationStateUpdate = ConversationStateUpdate::new(state), setters {
//!         /// Who changes the state.                          <- optional body fields as setters
//!         user: MessageUser,
//!     };
//!     output empty;
//! }
//! ```
//!
//! Sections, in this order:
//!
//! - `path (name: Type, ..)`: the placeholders of the template, in order,
//!   as positional arguments. Ids are borrowed (`&'a WebsiteId`), page
//!   numbers (`u32`) and fingerprints are copied; each is written with
//!   `Display` and percent-encoded ([`expand_path`](crate::expand_path)).
//! - `args (name: Type, ..)` (optional): more positional arguments, used by
//!   the body expression.
//! - `body name: Type = expr [, setters { field: Type, .. }];` (optional): the
//!   JSON body, built from the arguments; each setter sets `Some(value)` on
//!   that field of the body. `body {};` sends `{}`, as the official SDKs do
//!   for write routes that take no body. No body section: no body.
//! - `query { name: Type [= default], .. }` (optional): query options, each
//!   an optional setter; written with [`QueryValue`](crate::QueryValue) when
//!   set (or when it has a default), in declaration order.
//! - `output data Type;` (decode the envelope's `data`), `output empty;`
//!   (no result) or `output exists;` (`HEAD` routes: `bool`).
//! - `paginated Item;` (optional): the list pages by its `page_number` path
//!   argument and offers [`Paginated::into_stream`](crate::Paginated::into_stream).
//!
//! The accessor's documentation is the label, the doc comment, then the verb,
//! path and tiers; the route name in errors and traces is the method name.
//! Rustdoc resolves the intra-doc links of macro-made items from the crate
//! root and does not warn when they break: links in declarations spell their
//! full `crate::` path (`[`Paginated`](crate::Paginated)`), and types of
//! `crisp-types` are named in code spans.

/// See the module documentation.
macro_rules! endpoints {
    (
        impl $api:ident;
        $(
            $(#[doc = $doc:literal])*
            $(#[deprecated = $deprecated:literal])?
            $label:literal => fn $method:ident -> $builder:ident;
            $http:ident $template:literal;
            tiers [ $( $tier:ident ),* ];
            path ( $( $p:ident : $pty:ty ),* $(,)? );
            $( args ( $( $a:ident : $aty:ty ),* $(,)? ); )?
            $( body $b:ident : $bty:ty = $bexpr:expr $( , setters { $( $(#[$bsattr:meta])* $bs:ident : $bsty:ty ),* $(,)? } )? ; )?
            $( body $empty:block ; )?
            $( query { $( $(#[$qattr:meta])* $q:ident : $qty:ty $( = $qdefault:literal )? ),* $(,)? } )?
            output $out:ident $( $oty:ty )? ;
            $( paginated $item:ty ; )?
        )*
    ) => {
        impl<'a> $api<'a> {
            $(
                #[doc = concat!(
                    $label, ".\n\n",
                    $( $doc, "\n", )*
                    "\n`", stringify!($http), " ", $template, "`\n\n",
                    endpoints!(@tiers_doc $( $tier )*),
                )]
                $( #[deprecated = $deprecated] )?
                pub fn $method(&self, $( $p: $pty, )* $( $( $a: $aty, )* )?) -> $builder<'a> {
                    $builder {
                        client: self.client,
                        $( $p, )*
                        $( $b: $bexpr, )?
                        $( $( $q: ::std::option::Option::None, )* )?
                    }
                }
            )*
        }

        /// The endpoints declared in this module, as the reference describes them.
        pub(crate) const ENDPOINTS: &[$crate::EndpointInfo] = &[
            $(
                $crate::EndpointInfo {
                    api: stringify!($api),
                    name: stringify!($method),
                    label: $label,
                    method: stringify!($http),
                    path: $template,
                    tiers: &[ $( stringify!($tier) ),* ],
                    query: &[ $( $( stringify!($q) ),* )? ],
                    deprecated: endpoints!(@deprecated $( $deprecated )?),
                },
            )*
        ];

        $(
            #[doc = concat!("Request builder of [`", stringify!($api), "::", stringify!($method), "`]; await it.")]
            #[derive(Debug, Clone)]
            #[must_use = "a request does nothing until it is awaited"]
            pub struct $builder<'a> {
                client: &'a $crate::Client,
                $( $p: $pty, )*
                $( $b: $bty, )?
                $( $( $q: ::std::option::Option<$qty>, )* )?
            }

            impl $builder<'_> {
                $( $(
                    $(#[$qattr])*
                    pub fn $q(mut self, value: impl ::std::convert::Into<$qty>) -> Self {
                        self.$q = ::std::option::Option::Some(value.into());
                        self
                    }
                )* )?
                $( $( $(
                    $(#[$bsattr])*
                    pub fn $bs(mut self, value: impl ::std::convert::Into<$bsty>) -> Self {
                        self.$b.$bs = ::std::option::Option::Some(value.into());
                        self
                    }
                )* )? )?
            }

            impl $crate::Endpoint for $builder<'_> {
                type Output = endpoints!(@output_type $out $( $oty )?);

                fn to_request(&self) -> ::std::result::Result<$crate::ApiRequest, $crate::Error> {
                    const ROUTE: &str = stringify!($method);
                    let values: &[&dyn ::std::fmt::Display] = &[ $( &self.$p ),* ];
                    let request = $crate::ApiRequest::from_template($crate::Method::$http, ROUTE, $template, values)?;
                    $(
                        let mut query = $crate::Query::new();
                        $(
                            endpoints!(@push query, ROUTE, $q, self.$q.as_ref() $( , $qdefault )?);
                        )*
                        let request = request.with_query(query);
                    )?
                    $( let request = request.with_json(&self.$b)?; )?
                    $( let request = endpoints!(@empty_object request $empty); )?
                    Ok(request)
                }

                fn decode(response: $crate::ApiResponse) -> ::std::result::Result<Self::Output, $crate::Error> {
                    endpoints!(@decode $out response)
                }
            }

            into_future!($builder);
            $( paginated!($builder, $item); )?
        )*
    };

    (@deprecated) => { ::std::option::Option::None };
    (@deprecated $note:literal) => { ::std::option::Option::Some($note) };

    (@tiers_doc) => { "Tiers: not stated by the reference." };
    (@tiers_doc $( $tier:ident )+) => { concat!("Tiers: ", $( "`", stringify!($tier), "` ", )+ "tokens.") };

    (@output_type data $ty:ty) => { $ty };
    (@output_type empty) => { () };
    (@output_type exists) => { bool };

    (@decode data $response:ident) => { $response.data() };
    (@decode empty $response:ident) => { $response.empty() };
    (@decode exists $response:ident) => { $response.exists() };

    (@push $query:ident, $route:ident, $key:ident, $value:expr) => {
        if let ::std::option::Option::Some(value) = $value {
            $crate::QueryValue::push_to(value, &mut $query, $route, stringify!($key))?;
        }
    };
    (@push $query:ident, $route:ident, $key:ident, $value:expr, $default:literal) => {
        $crate::QueryValue::push_to($value.unwrap_or(&$default), &mut $query, $route, stringify!($key))?;
    };

    (@empty_object $request:ident $empty:block) => { $request.with_empty_object() };
}
